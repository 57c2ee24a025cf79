"""Import a leavers or status file from the command line, with the school's saved mapping.

For scheduled imports (a school's nightly export). Runs synchronously through the same
job code as an upload; the last line of output is `created=N updated=N unchanged=N
rejected=N`, and a refused file exits non-zero with every bad line on stderr.

It acts for the schools given with `--school` and no other, as an upload acts for the
schools of its decaan: a line naming another school, or about a pupil another school
holds that year, is refused. The first school's saved mapping reads the file.
"""

from __future__ import annotations

import time
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from doorlopend.partnerships.models import Organisation
from doorlopend.transitions.choices import ImportKind
from doorlopend.transitions.models import ColumnMapping, TransitionImport
from doorlopend.transitions.services.imports import (
    import_create,
    import_run,
    upload_discard,
    upload_store,
)
from doorlopend.transitions.services.imports.columns import mapping_problems
from doorlopend.transitions.services.imports.read import UnreadableFile, headers_of

CHUNK = 1 << 20


class Command(BaseCommand):
    help = "Import a pupil file (vo leavers or mbo statuses) with the school's saved column mapping."

    def add_arguments(self, parser):
        parser.add_argument("--kind", required=True, choices=ImportKind.values)
        parser.add_argument(
            "--school",
            required=True,
            action="append",
            help="BRIN, or BRIN and location (e.g. 12AB or 12AB00); repeat it for a file "
            "of several schools (the first one's mapping is used)",
        )
        parser.add_argument(
            "--cohort", type=int, help="year of transition (default: this year)"
        )
        parser.add_argument(
            "--partnership", help="slug, when the school is in several partnerships"
        )
        parser.add_argument(
            "--progress", action="store_true", help="print progress lines"
        )
        parser.add_argument("file", type=Path)

    def handle(
        self, *args, kind, school, cohort, partnership, progress, file: Path, **options
    ):
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        organisation, *others = [self._school(code, partnership) for code in school]
        if any(o.partnership_id != organisation.partnership_id for o in others):
            raise CommandError("All schools must be in the same partnership.")
        with scope(partnership=organisation.partnership):
            mapping = ColumnMapping.objects.filter(
                organisation=organisation, kind=kind
            ).first()
        if mapping is None:
            raise CommandError(
                f"{organisation.name} has no saved column mapping for {kind}: upload one file of "
                "this kind in the app once and choose its columns."
            )
        try:
            headers = headers_of(file)
        except UnreadableFile as error:
            raise CommandError(str(error)) from None
        problems = mapping_problems(kind=kind, columns=mapping.columns, headers=headers)
        if problems:
            lines = "\n".join(
                f"  {field}: {problem}" for field, problem in problems.items()
            )
            raise CommandError(
                f"The saved column mapping does not fit this file:\n{lines}"
            )
        job = self._create(
            organisation, kind, cohort or timezone.localdate().year, file
        )

        started = time.monotonic()

        def report(job: TransitionImport) -> None:
            if progress:
                seconds = time.monotonic() - started
                self.stdout.write(
                    f"progress {job.progress}% rows={job.row_count} after {seconds:.1f} s"
                )

        ran = import_run(
            import_id=job.pk,
            on_progress=report,
            school_ids=frozenset(o.pk for o in (organisation, *others)),
        )
        if ran is None:
            raise CommandError(f"Import #{job.pk} was no longer waiting to run.")
        job = ran
        for error in job.errors:
            self.stderr.write(f"line {error['line']}: {error['reason']}")
        if job.rejected_count > len(job.errors):
            self.stderr.write(
                f"… and {job.rejected_count - len(job.errors)} more lines"
            )
        self.stdout.write(
            f"created={job.created_count} updated={job.updated_count} "
            f"unchanged={job.unchanged_count} rejected={job.rejected_count}"
        )
        if job is None or job.status != TransitionImport.Status.DONE:
            raise CommandError(
                f"The file was refused: nothing was imported (import #{job.pk})."
            )

    def _school(self, code: str, slug: str | None) -> Organisation:
        code = code.replace(" ", "").upper()
        # The command acts for the school it is given, in whichever partnership holds it.
        with scopes_disabled():
            schools = Organisation.objects.select_related("partnership").filter(
                register_entry__brin=code[:4]
            )
            if len(code) > 4:
                schools = schools.filter(register_entry__vestiging=code)
            if slug:
                schools = schools.filter(partnership__slug=slug)
            schools = list(schools)
        if not schools:
            raise CommandError(
                f"No school with BRIN {code}" + (f" in {slug}" if slug else "") + "."
            )
        partnerships = {s.partnership.slug for s in schools}
        if len(partnerships) > 1:
            raise CommandError(
                f"{code} is a school in several partnerships: add --partnership ({', '.join(sorted(partnerships))})."
            )
        if len(schools) > 1:
            raise CommandError(
                f"{code} has several locations here: give BRIN and location (e.g. {code[:4]}00)."
            )
        return schools[0]

    def _create(
        self, organisation: Organisation, kind: str, cohort: int, file: Path
    ) -> TransitionImport:
        with file.open("rb") as handle:
            stored = upload_store(iter(lambda: handle.read(CHUNK), b""))
        try:
            with scope(partnership=organisation.partnership):
                job = import_create(
                    partnership=organisation.partnership,
                    school=organisation,
                    kind=kind,
                    cohort=cohort,
                    stored=stored,
                    filename=file.name,
                    enqueue=False,
                )
        except ValidationError as error:
            upload_discard(stored)
            raise CommandError(" ".join(error.messages)) from None
        if job.status != TransitionImport.Status.QUEUED:
            raise CommandError(
                f"This file is already waiting as import #{job.pk} ({job.get_status_display()})."
            )
        return job
