"""A pupil's personal data stays with the school that entered it, across years (issue 12).

Name and date of birth are stored once per pupil in the partnership. A leavers file may
not add, under another year, a pupil whom only other vo schools have sent: the uploader
would then read (and overwrite) what those schools entered. A statuses file takes up the
pupil (knowing the number is the proof that the pupil applied) but never overwrites the
name or date of birth another school entered: it only fills what is empty.
"""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse
from django_scopes import scopes_disabled

from doorlopend.transitions.models import Pupil, Transition
from doorlopend.transitions.privacy import pseudonym
from doorlopend.transitions.selectors.privacy import access_log

from .import_helpers import STATUS_HEADER, csv_bytes, pgn, run_file, save_mapping
from .test_import_schools import (  # noqa: F401 (fixtures)
    LEAVERS_WITH_BRIN,
    SECRET,
    private_root,
    region,
)

pytestmark = pytest.mark.django_db
STATUS_WITH_NAME = STATUS_HEADER + ";Naam;Geboortedatum"
OTHER_SCHOOL = (
    "Deze leerling staat al bij een andere school van het samenwerkingsverband"
)


def _pupil(n: int) -> Pupil:
    with scopes_disabled():
        return Pupil.objects.get(pseudonym=pseudonym(pgn(n)))


def _statuses_with_name(place, school, user, rows, **kwargs):
    save_mapping(place.partnership, school, "statuses", STATUS_WITH_NAME)
    data = csv_bytes(STATUS_WITH_NAME, rows)
    return run_file(place.partnership, school, "statuses", data, user=user, **kwargs)


def test_a_pupil_another_school_sent_is_refused_in_another_year(region):  # noqa: F811
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
        cohort=2027,
    )
    assert job.status == "refused"
    assert [e["line"] for e in job.errors] == [3]
    reason = job.errors[0]["reason"]
    assert reason.startswith(OTHER_SCHOOL)
    assert "coördinator" in reason
    for secret in (SECRET, "2010", region.vo2.name, "33CC"):
        assert secret not in reason
    with scopes_disabled():
        assert list(
            Transition.objects.values_list("cohort", "sending_organisation")
        ) == [(2026, region.vo2.pk)]
    assert (_pupil(7).name, _pupil(7).birth_date) == (SECRET, "2010-04-03")
    # Nothing reached school 1: the decaan finds no way to the pupil's page.
    client = Client()
    client.force_login(region.decaan_vo1)
    url = reverse(
        "transitions:pupil_detail",
        args=[region.partnership.slug, region.vo1.pk, _pupil(7).pk],
    )
    assert client.get(url).status_code == 404
    assert (
        SECRET
        not in client.get(
            reverse(
                "transitions:pupil_list", args=[region.partnership.slug, region.vo1.pk]
            )
            + "?cohort=2027"
        ).content.decode()
    )


def test_the_command_refuses_another_schools_pupil_in_another_year(
    region,  # noqa: F811
    tmp_path,
):
    region.leavers(
        region.vo2, region.decaan_vo2, [f"{pgn(7)};{SECRET};03-04-2010;KB;;;;mbo;"]
    )
    path = tmp_path / "leerlingen.csv"
    path.write_bytes(
        csv_bytes(LEAVERS_WITH_BRIN, [f"{pgn(7)};Iemand;01-01-2010;TL;;;;havo;"])
    )
    with pytest.raises(CommandError):
        call_command(
            "import_transitions",
            "--kind=leavers",
            "--school=11AA00",
            "--cohort=2027",
            str(path),
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )
    with scopes_disabled():
        assert Transition.objects.count() == 1
    assert _pupil(7).name == SECRET


def test_a_school_sends_its_own_pupil_again_in_another_year(region):  # noqa: F811
    """A pupil who stays down is sent again by the same school: not refused."""
    region.leavers(
        region.vo1, region.decaan_vo1, [f"{pgn(1)};Sanne;17-05-2010;KB;;;;mbo;"]
    )
    job = region.leavers(
        region.vo1,
        region.decaan_vo1,
        [f"{pgn(1)};Sanne de Vries;17-05-2010;KB;;;;mbo;"],
        cohort=2027,
    )
    assert job.status == "done", job.errors
    assert _pupil(1).name == "Sanne de Vries"


def test_the_vo_school_sends_a_pupil_an_mbo_school_reported_first(
    region,  # noqa: F811
):
    """No vo school sent the pupil yet: the vo school is the pupil's school, not another."""
    region.statuses(
        region.mbo1, region.decaan_mbo1, [f"{pgn(1)};aangemeld;01-02-2026;;;;;"]
    )
    job = region.leavers(
        region.vo1,
        region.decaan_vo1,
        [f"{pgn(1)};Sanne;17-05-2010;KB;;;;mbo;"],
        cohort=2027,
    )
    assert job.status == "done", job.errors
    assert _pupil(1).name == "Sanne"


def test_a_statuses_file_keeps_the_name_the_vo_school_entered(region):  # noqa: F811
    region.leavers(
        region.vo1, region.decaan_vo1, [f"{pgn(1)};Sanne;17-05-2010;KB;;;;mbo;"]
    )
    job = _statuses_with_name(
        region,
        region.mbo1,
        region.decaan_mbo1,
        [f"{pgn(1)};aangemeld;01-02-2026;;;;;;Iemand Anders;01-01-2011"],
    )
    assert job.status == "done", job.errors
    pupil = _pupil(1)
    assert (pupil.name, pupil.birth_date) == ("Sanne", "2010-05-17")
    with scopes_disabled():
        t = Transition.objects.get()
    assert t.receiving_organisation == region.mbo1 and t.status == "aangemeld"


def test_a_statuses_file_of_another_year_takes_up_the_pupil_but_keeps_the_data(
    region,  # noqa: F811
):
    """Knowing the pupil number is the proof that the pupil applied: the mbo school
    reads the name the vo school sent, but does not change it."""
    region.leavers(
        region.vo2, region.decaan_vo2, [f"{pgn(7)};{SECRET};03-04-2010;KB;;;;mbo;"]
    )
    job = _statuses_with_name(
        region,
        region.mbo1,
        region.decaan_mbo1,
        [f"{pgn(7)};aangemeld;01-11-2026;;;;;;Iemand Anders;01-01-2011"],
        cohort=2027,
    )
    assert job.status == "done", job.errors
    assert (_pupil(7).name, _pupil(7).birth_date) == (SECRET, "2010-04-03")
    # The sending school's privacy officer sees that its pupil was taken up.
    with scopes_disabled():
        [entry] = [
            e
            for e in access_log(school=region.vo2, action="import")
            if e.object_ids == [job.pk]
        ]
    assert entry.actor == region.decaan_mbo1


def test_a_second_mbo_school_keeps_the_first_ones_data(region):  # noqa: F811
    _statuses_with_name(
        region,
        region.mbo2,
        region.decaan_mbo2,
        [f"{pgn(7)};aangemeld;01-02-2026;;;;;;{SECRET};03-04-2010"],
    )
    job = _statuses_with_name(
        region,
        region.mbo1,
        region.decaan_mbo1,
        [f"{pgn(7)};aangemeld;01-11-2026;;;;;;Iemand Anders;01-01-2011"],
        cohort=2027,
    )
    assert job.status == "done", job.errors
    assert (_pupil(7).name, _pupil(7).birth_date) == (SECRET, "2010-04-03")


def test_a_statuses_file_fills_what_is_empty(region):  # noqa: F811
    region.leavers(region.vo1, region.decaan_vo1, [f"{pgn(1)};;;KB;;;;mbo;"])
    job = _statuses_with_name(
        region,
        region.mbo1,
        region.decaan_mbo1,
        [f"{pgn(1)};aangemeld;01-02-2026;;;;;;Sanne;17-05-2010"],
    )
    assert job.status == "done", job.errors
    assert (_pupil(1).name, _pupil(1).birth_date) == ("Sanne", "2010-05-17")


def test_the_schools_own_data_is_kept_up_to_date(region):  # noqa: F811
    """The vo school corrects its pupil's name, also once the mbo school has them; the
    mbo school corrects an applicant no vo school has sent."""
    region.leavers(
        region.vo1, region.decaan_vo1, [f"{pgn(1)};Sanne;17-05-2010;KB;;;;mbo;"]
    )
    region.statuses(
        region.mbo1, region.decaan_mbo1, [f"{pgn(1)};aangemeld;01-02-2026;;;;;"]
    )
    job = region.leavers(
        region.vo1,
        region.decaan_vo1,
        [f"{pgn(1)};Sanne de Vries;18-05-2010;KB;;;;mbo;"],
    )
    assert job.status == "done", job.errors
    assert (_pupil(1).name, _pupil(1).birth_date) == ("Sanne de Vries", "2010-05-18")
    _statuses_with_name(
        region,
        region.mbo2,
        region.decaan_mbo2,
        [f"{pgn(2)};aangemeld;01-02-2026;;;;;;Ahmed;02-01-2010"],
    )
    job = _statuses_with_name(
        region,
        region.mbo2,
        region.decaan_mbo2,
        [f"{pgn(2)};intake;03-02-2026;;;;;;Ahmed Yilmaz;02-01-2010"],
    )
    assert job.status == "done", job.errors
    assert _pupil(2).name == "Ahmed Yilmaz"


def test_the_receiving_school_reads_the_name_the_sending_school_sent(
    region,  # noqa: F811
):
    """The one legitimate handover: the mbo school sees its applicant's name."""
    region.leavers(
        region.vo2, region.decaan_vo2, [f"{pgn(7)};{SECRET};03-04-2010;KB;;;;mbo;"]
    )
    region.statuses(
        region.mbo1, region.decaan_mbo1, [f"{pgn(7)};aangemeld;01-02-2026;;;;;"]
    )
    client = Client()
    client.force_login(region.decaan_mbo1)
    url = reverse(
        "transitions:pupil_detail",
        args=[region.partnership.slug, region.mbo1.pk, _pupil(7).pk],
    )
    assert SECRET in client.get(url).content.decode()
