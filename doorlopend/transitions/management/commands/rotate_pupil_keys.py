"""Re-encrypt every pupil's name and date of birth with the newest key in PUPIL_DATA_KEYS,
and the encrypted fields later apps registered (`transitions.extensions`: the dossier).

Key rotation: put the new key first in PUPIL_DATA_KEYS (keep the old ones after it), run
this command, then drop the old keys. The tokens are rotated as they are (Fernet's
rotation: decrypted with whichever key fits, encrypted with the first), in batches of
`--batch` pupils, each batch in its own transaction; an interrupted run can simply be run
again.
"""

from __future__ import annotations

from cryptography.fernet import InvalidToken
from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import ExpressionWrapper, F, TextField, Value
from django_scopes import scopes_disabled

from doorlopend.transitions.extensions import encrypted_fields
from doorlopend.transitions.models import Pupil
from doorlopend.transitions.privacy import rotate

FIELDS = ("name", "birth_date")


def _raw(name: str) -> ExpressionWrapper:
    """The stored token itself: a plain text output skips the field's decryption."""
    return ExpressionWrapper(F(name), output_field=TextField())


def _stored(token: str) -> Value:
    """A token to store as it is: an expression skips the field's encryption."""
    return Value(token, output_field=TextField())


def pupil_keys_rotate(*, batch_size: int = 500) -> int:
    """Rotate the tokens of every pupil with personal data; returns how many pupils."""
    count, last = 0, 0
    # Every partnership's pupils: key rotation is a platform task, not a tenant's.
    with scopes_disabled():
        pupils = Pupil.objects.exclude(name="", birth_date="").order_by("pk")
        while True:
            rows = list(
                pupils.filter(pk__gt=last)
                .annotate(raw_name=_raw("name"), raw_birth_date=_raw("birth_date"))
                .values_list("pk", "raw_name", "raw_birth_date")[:batch_size]
            )
            if not rows:
                return count
            changed = []
            for pk, name, birth_date in rows:
                pupil = Pupil(pk=pk)
                pupil.name = _stored(rotate(name or ""))
                pupil.birth_date = _stored(rotate(birth_date or ""))
                changed.append(pupil)
            with transaction.atomic():
                Pupil.objects.bulk_update(changed, FIELDS)
            count += len(rows)
            last = rows[-1][0]


def encrypted_rows_rotate(*, batch_size: int = 500) -> int:
    """Rotate the registered encrypted fields of later apps (`extensions`), such as the
    dossier's texts; returns how many rows."""
    count = 0
    with scopes_disabled():  # a platform task, as above
        for model, fields in encrypted_fields():
            last = 0
            raw = {f"raw_{f}": _raw(f) for f in fields}
            while True:
                rows = list(
                    model.objects.filter(pk__gt=last)
                    .order_by("pk")
                    .annotate(**raw)
                    .values_list("pk", *raw)[:batch_size]
                )
                if not rows:
                    break
                changed = []
                for pk, *tokens in rows:
                    row = model(pk=pk)
                    for field, token in zip(fields, tokens, strict=True):
                        setattr(row, field, _stored(rotate(token or "")))
                    changed.append(row)
                with transaction.atomic():
                    model.objects.bulk_update(changed, fields)
                count += len(rows)
                last = rows[-1][0]
    return count


class Command(BaseCommand):
    help = "Re-encrypt pupils' names and dates of birth with the newest PUPIL_DATA_KEYS key."

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=500, help="Pupils per batch.")

    def handle(self, *args, batch: int, **options):
        try:
            others = encrypted_rows_rotate(batch_size=max(1, batch))
            count = pupil_keys_rotate(batch_size=max(1, batch))
        except ImproperlyConfigured as e:
            raise CommandError(str(e)) from e
        except InvalidToken:
            raise CommandError(
                "A pupil's data cannot be decrypted with any key in PUPIL_DATA_KEYS: "
                "was a key dropped before rotating? Nothing after the last batch changed."
            ) from None
        self.stdout.write(f"rotated_other_rows={others}")
        self.stdout.write(f"rotated={count}")
