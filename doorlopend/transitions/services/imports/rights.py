"""For which schools an import may write (issue 12: an import crosses no school).

Two conditions, both needed for a school named in a file (or the school it was uploaded
for): the uploader is its decaan when the import runs (a role taken away since the upload
counts; an import without an uploader, the command, acts for the schools it was given),
and it is a school of the side the file describes — a list of leavers comes from a vo
school, a list of statuses from the mbo school the pupil goes to. Without the second, a
vo decaan could upload a "statuses" file and become the receiving school of another vo
school's pupils.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from doorlopend.partnerships.models import Organisation, OrganisationKind

from ...access import writable_school_ids
from ...choices import ImportKind

# The kinds of school on the side of the transition a file describes.
SIDE_KINDS = {
    ImportKind.LEAVERS: frozenset({OrganisationKind.VO}),
    ImportKind.STATUSES: frozenset({OrganisationKind.MBO, OrganisationKind.HBO}),
}


@dataclass(frozen=True)
class ImportSchools:
    own: frozenset[int]  # where the uploader is decaan (the command: the schools given)
    fitting: frozenset[int]  # the partnership's schools of the file's side

    @property
    def allowed(self) -> frozenset[int]:
        return self.own & self.fitting


def import_schools(job, *, given: Iterable[int] | None = None) -> ImportSchools:
    """The schools `job` may write for; `given`: the command's schools (no uploader)."""
    if job.created_by_id:
        own = writable_school_ids(user=job.created_by, partnership=job.partnership)
    else:
        own = frozenset(given if given is not None else {job.organisation_id})
    fitting = frozenset(
        Organisation.objects.filter(
            partnership=job.partnership, kind__in=SIDE_KINDS[job.kind]
        ).values_list("pk", flat=True)
    )
    return ImportSchools(own=frozenset(own), fitting=fitting)


def fits(kind: str, school: Organisation) -> bool:
    """Whether `school` is on the side a file of `kind` describes (for the upload form)."""
    return school.kind in SIDE_KINDS[kind]
