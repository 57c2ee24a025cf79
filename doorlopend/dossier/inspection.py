"""The dossier in the pupil's inspection export (transitions.inspection): every text
held, every approval and consent, every link's dates (never a token)."""

from __future__ import annotations

from .choices import PART_FIELDS
from .models import Dossier


def dossier_inspection(transitions: list) -> list[dict]:
    dossiers = Dossier.objects.filter(
        transition__in=[t.pk for t in transitions]
    ).prefetch_related("approvals", "consents", "links")
    return [
        {
            "transition": d.transition_id,
            "parts": {
                part: {
                    "version": d.version_of(part),
                    "fields": {f: getattr(d, f) for f in fields},
                }
                for part, fields in PART_FIELDS.items()
            },
            "support_needed": d.support_needed,
            "kept_elsewhere_handed_on": d.kept_elsewhere_handed_on,
            "approvals": [
                {
                    "part": a.part,
                    "version": a.version,
                    "decision": a.decision,
                    "comment": a.comment,
                    "by": a.by,
                    "at": a.at,
                }
                for a in d.approvals.all()
            ],
            "consents_part_c": [
                {"by": c.given_by, "given_at": c.given_at, "revoked_at": c.revoked_at}
                for c in d.consents.all()
            ],
            "links": [
                {
                    "for": link.kind,
                    "created_at": link.created_at,
                    "expires_at": link.expires_at,
                    "revoked_at": link.revoked_at,
                    "last_used_at": link.last_used_at,
                }
                for link in d.links.all()
            ],
        }
        for d in dossiers
    ]
