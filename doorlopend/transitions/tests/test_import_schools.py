"""An import stays inside the uploader's own schools (issue 12, point 1).

A leavers file names only sending schools where the uploader is decaan, a statuses file
only receiving schools; a line about a pupil whose transition in that year belongs to
another school is refused with its line and reason, and never moved; a refused file writes
nothing. The access log of an import names every school whose pupils it touched.
"""

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from doorlopend.audit.models import AccessLogEntry
from doorlopend.partnerships.tests.factories import RegisterEntryFactory, SchoolFactory
from doorlopend.transitions.models import Pupil, StatusEvent, Transition
from doorlopend.transitions.privacy import pseudonym
from doorlopend.transitions.selectors.privacy import access_log

from .import_helpers import (
    LEAVERS_HEADER,
    STATUS_HEADER,
    csv_bytes,
    pgn,
    run_file,
    save_mapping,
    schools,
)

pytestmark = pytest.mark.django_db
LEAVERS_WITH_BRIN = LEAVERS_HEADER + ";BRIN"
SECRET = "Naam die school twee invoerde"


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.PRIVATE_UPLOAD_ROOT = tmp_path / "private"
    return settings.PRIVATE_UPLOAD_ROOT


class Region:
    """Two vo schools and two mbo schools, each with its own decaan."""

    def __init__(self, partnership, member_of):
        self.partnership = partnership
        self.vo1, self.mbo1 = schools(partnership)  # 11AA00, 22BB
        self.vo2 = SchoolFactory(
            partnership=partnership,
            kind="vo",
            name="Vmbo Twee",
            register_entry=RegisterEntryFactory(
                brin="33CC", vestiging="33CC00", sector="vo"
            ),
        )
        self.mbo2 = SchoolFactory(
            partnership=partnership,
            kind="mbo",
            name="ROC Twee",
            register_entry=RegisterEntryFactory(
                brin="44DD", vestiging="", sector="mbo"
            ),
        )
        self.decaan_vo1 = member_of(partnership, "decaan", organisation=self.vo1)
        self.decaan_vo2 = member_of(partnership, "decaan", organisation=self.vo2)
        self.decaan_mbo1 = member_of(partnership, "decaan", organisation=self.mbo1)
        self.decaan_mbo2 = member_of(partnership, "decaan", organisation=self.mbo2)
        for school in (self.vo1, self.vo2):
            save_mapping(partnership, school, "leavers", LEAVERS_WITH_BRIN)
        for school in (self.mbo1, self.mbo2):
            save_mapping(partnership, school, "statuses", STATUS_HEADER)

    def leavers(self, school, user, rows, **kwargs):
        data = csv_bytes(LEAVERS_WITH_BRIN, rows)
        return run_file(self.partnership, school, "leavers", data, user=user, **kwargs)

    def statuses(self, school, user, rows, **kwargs):
        data = csv_bytes(STATUS_HEADER, rows)
        return run_file(self.partnership, school, "statuses", data, user=user, **kwargs)


@pytest.fixture
def region(partnership, member_of):
    with scopes_disabled():
        return Region(partnership, member_of)


def _nothing_written():
    with scopes_disabled():
        return not (
            Pupil.objects.exists()
            or Transition.objects.exists()
            or StatusEvent.objects.exists()
        )


def test_a_leavers_file_naming_another_vo_school_is_refused(region):
    job = region.leavers(
        region.vo1,
        region.decaan_vo1,
        [
            f"{pgn(1)};Sanne;17-05-2010;KB;;;;mbo;11AA00",  # 2: own school
            f"{pgn(2)};Ahmed;02-01-2010;KB;;;;mbo;33CC00",  # 3: school 2
            f"{pgn(3)};Iris;02-01-2010;KB;;;;mbo;33CC",  # 4: school 2 by BRIN
        ],
    )
    assert job.status == "refused"
    reasons = {e["line"]: e["reason"] for e in job.errors}
    assert sorted(reasons) == [3, 4]
    assert reasons[3] == (
        "“33CC00” is geen school waar je decaan bent: een bestand mag alleen je eigen"
        " scholen noemen."
    )
    assert "33CC" in reasons[4]
    assert _nothing_written()


def test_a_statuses_file_naming_a_school_where_the_uploader_has_no_role_is_refused(
    region,
):
    job = region.statuses(
        region.mbo1,
        region.decaan_mbo1,
        [
            f"{pgn(1)};aangemeld;01-02-2026;22BB;;;;",  # 2: own school
            f"{pgn(2)};aangemeld;01-02-2026;44DD;;;;",  # 3: another mbo school
            f"{pgn(3)};aangemeld;01-02-2026;11AA00;;;;",  # 4: a vo school, no role
        ],
    )
    assert job.status == "refused"
    assert [e["line"] for e in job.errors] == [3, 4]
    assert "44DD" in job.errors[0]["reason"]
    assert _nothing_written()


def test_a_decaan_of_two_schools_may_name_both(region, member_of):
    with scopes_disabled():
        member_of(
            region.partnership,
            "decaan",
            user=region.decaan_vo1,
            organisation=region.vo2,
        )
    job = region.leavers(
        region.vo1,
        region.decaan_vo1,
        [
            f"{pgn(1)};Sanne;17-05-2010;KB;;;;mbo;",
            f"{pgn(2)};Ahmed;02-01-2010;KB;;;;mbo;33CC00",
        ],
    )
    assert job.status == "done", job.errors
    with scopes_disabled():
        t = Transition.objects.get(pupil__pseudonym=pseudonym(pgn(2)))
    assert t.sending_organisation == region.vo2


def test_a_pupil_another_school_sent_that_year_is_refused_and_not_moved(region):
    first = region.leavers(
        region.vo2, region.decaan_vo2, [f"{pgn(7)};{SECRET};03-04-2010;KB;;;;mbo;"]
    )
    assert first.status == "done", first.errors
    job = region.leavers(
        region.vo1,
        region.decaan_vo1,
        [
            f"{pgn(1)};Sanne;17-05-2010;KB;;;;mbo;",  # 2: a new pupil of school 1
            f"{pgn(7)};Iemand anders;01-01-2010;TL;;;;havo;",  # 3: school 2's pupil
        ],
    )
    assert job.status == "refused"
    assert [e["line"] for e in job.errors] == [3]
    assert job.errors[0]["reason"].startswith(
        "De doorstroom van deze leerling in 2026 hoort bij een andere school"
    )
    assert SECRET not in str(job.errors)
    with scopes_disabled():
        t = Transition.objects.get(pupil__pseudonym=pseudonym(pgn(7)))
        assert t.sending_organisation == region.vo2
        assert t.pupil.name == SECRET and t.pupil.birth_date == "2010-04-03"
        assert t.status == "" and not StatusEvent.objects.exists()
        assert not Pupil.objects.filter(pseudonym=pseudonym(pgn(1))).exists()
    # School 1's decaan cannot reach the pupil's page through their school.
    from django.test import Client

    client = Client()
    client.force_login(region.decaan_vo1)
    url = reverse(
        "transitions:pupil_detail",
        args=[region.partnership.slug, region.vo1.pk, t.pupil_id],
    )
    assert client.get(url).status_code == 404


def test_a_pupil_another_mbo_school_reported_that_year_is_refused(region):
    first = region.statuses(
        region.mbo2, region.decaan_mbo2, [f"{pgn(7)};aangemeld;01-02-2026;;;;;"]
    )
    assert first.status == "done", first.errors
    job = region.statuses(
        region.mbo1,
        region.decaan_mbo1,
        [f"{pgn(7)};intake;15-02-2026;;;;;"],  # line 2
    )
    assert job.status == "refused"
    assert [e["line"] for e in job.errors] == [2]
    with scopes_disabled():
        t = Transition.objects.get(pupil__pseudonym=pseudonym(pgn(7)))
        assert t.receiving_organisation == region.mbo2
        assert t.status == "aangemeld"


def test_the_mbo_school_picks_up_a_pupil_the_vo_school_sent(region):
    """The normal meeting of two files: the receiving school was still empty."""
    region.leavers(
        region.vo1, region.decaan_vo1, [f"{pgn(1)};Sanne;17-05-2010;KB;;;;mbo;"]
    )
    job = region.statuses(
        region.mbo1, region.decaan_mbo1, [f"{pgn(1)};aangemeld;01-02-2026;;;;;"]
    )
    assert job.status == "done", job.errors
    with scopes_disabled():
        t = Transition.objects.get()
    assert (t.sending_organisation, t.receiving_organisation) == (
        region.vo1,
        region.mbo1,
    )


def test_a_school_where_the_uploader_is_no_longer_decaan_gets_nothing(region):
    from doorlopend.partnerships.models import RoleAssignment

    with scopes_disabled():
        RoleAssignment.objects.filter(membership__user=region.decaan_vo1).delete()
    job = region.leavers(
        region.vo1, region.decaan_vo1, [f"{pgn(1)};Sanne;17-05-2010;KB;;;;mbo;"]
    )
    assert job.status == "refused"
    assert job.errors == [
        {
            "line": 2,
            "reason": "Je bent geen decaan (meer) van de school waarvoor dit bestand is"
            " geüpload.",
        }
    ]
    assert _nothing_written()


def test_the_access_log_of_an_import_names_every_school_it_touched(region):
    region.leavers(
        region.vo1, region.decaan_vo1, [f"{pgn(1)};Sanne;17-05-2010;KB;;;;mbo;"]
    )
    region.leavers(
        region.vo2, region.decaan_vo2, [f"{pgn(2)};{SECRET};03-04-2010;KB;;;;mbo;"]
    )
    job = region.statuses(
        region.mbo1,
        region.decaan_mbo1,
        [
            f"{pgn(1)};aangemeld;01-02-2026;;;;;",
            f"{pgn(2)};aangemeld;01-02-2026;;;;;",
        ],
        name="statussen-mbo1.csv",
    )
    assert job.status == "done", job.errors
    with scopes_disabled():
        for school in (region.mbo1, region.vo1, region.vo2):
            [entry] = [
                e
                for e in access_log(school=school, action="import")
                if "statussen-mbo1.csv" in e.object_label
            ]
            assert entry.actor == region.decaan_mbo1
            assert entry.object_ids == [job.pk]
        # mbo 2's pupils were not touched: its privacy officer sees no entry of it.
        assert not [
            e
            for e in access_log(school=region.mbo2)
            if "statussen-mbo1.csv" in e.object_label
        ]
        assert (
            AccessLogEntry.objects.filter(
                action="import", object_label__contains="statussen-mbo1.csv"
            ).count()
            == 3
        )


def test_a_vo_decaan_cannot_become_the_receiving_school_through_a_statuses_file(
    region,
):
    """Else a vo decaan could take up another vo school's pupils as "their" mbo school."""
    region.leavers(
        region.vo2, region.decaan_vo2, [f"{pgn(7)};{SECRET};03-04-2010;KB;;;;mbo;"]
    )
    save_mapping(region.partnership, region.vo1, "statuses", STATUS_HEADER)
    job = region.statuses(
        region.vo1, region.decaan_vo1, [f"{pgn(7)};aangemeld;01-02-2026;;;;;"]
    )
    assert job.status == "refused"
    assert job.errors == [
        {
            "line": 2,
            "reason": "Dit bestand is geüpload voor een school die geen mbo-school is:"
            " een lijst met statussen komt van de mbo-school.",
        }
    ]
    with scopes_disabled():
        assert Transition.objects.get().receiving_organisation is None


def test_a_statuses_file_names_only_mbo_schools(region, member_of):
    with scopes_disabled():
        member_of(
            region.partnership,
            "decaan",
            user=region.decaan_mbo1,
            organisation=region.vo1,
        )
    job = region.statuses(
        region.mbo1,
        region.decaan_mbo1,
        [f"{pgn(1)};aangemeld;01-02-2026;11AA00;;;;"],
    )
    assert job.status == "refused"
    assert job.errors[0]["reason"].startswith("“11AA00” is geen mbo-school")


def test_the_upload_form_refuses_a_kind_of_file_the_school_does_not_send(region):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    client = Client()
    client.force_login(region.decaan_vo1)
    file = SimpleUploadedFile(
        "statussen.csv", csv_bytes(STATUS_HEADER, []), content_type="text/csv"
    )
    response = client.post(
        reverse("transitions:import_upload", args=[region.partnership.slug]),
        {"school": region.vo1.pk, "kind": "statuses", "cohort": 2026, "file": file},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["kind"] == [
        "Een lijst met aanmeldingen en statussen komt van een mbo-school;"
        f" {region.vo1.name} is dat niet."
    ]
    with scopes_disabled():
        from doorlopend.transitions.models import TransitionImport

        assert not TransitionImport.objects.exists()
