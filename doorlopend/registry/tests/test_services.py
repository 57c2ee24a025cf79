"""register_import() and the import jobs, against the database."""

import time

import pytest
from django_tasks_db.models import DBTaskResult

from doorlopend.registry import services
from doorlopend.registry.models import ImportJob, Region, RegisterEntry
from doorlopend.registry.services import ImportResult, RegisterImportError

from .duo_files import DATA, DEMO, duo_file, vo_file, vo_row

pytestmark = pytest.mark.django_db


def demo(name: str) -> bytes:
    return (DEMO / name).read_bytes()


def test_import_creates_entries_and_their_region():
    result = services.register_import(data=demo("demo_vo_locations.csv"))
    assert result == ImportResult(created=14, updated=0, unchanged=0)
    region = Region.objects.get()
    assert (region.code, region.name) == ("99", "Rivierenland")
    entry = RegisterEntry.objects.get(vestiging="99AB00")
    assert (entry.sector, entry.brin, entry.name) == ("vo", "99AB", "Waalzicht College")
    assert (entry.place, entry.postcode, entry.municipality) == (
        "TIEL",
        "4001 KA",
        "TIEL",
    )
    assert entry.education_structure == "HAVO/VWO"
    assert entry.region == region
    assert entry.details["STRAATNAAM CORRESPONDENTIEADRES"] == "Postbus"
    assert entry.details["COROPGEBIED NAAM"] == "Zuidwest-Gelderland"
    assert region.entries.count() == 14


def test_importing_the_same_file_again_changes_nothing():
    data = demo("demo_vo_locations.csv")
    services.register_import(data=data)
    before = list(RegisterEntry.objects.values_list("pk", "updated_at"))
    result = services.register_import(data=data)
    assert result == ImportResult(created=0, updated=0, unchanged=14)
    assert list(RegisterEntry.objects.values_list("pk", "updated_at")) == before


def test_a_changed_value_is_one_update():
    services.register_import(data=vo_file(3))
    changed = [vo_row(brin) for brin in ("10AA", "10AB", "10AC")]
    changed[1]["PLAATSNAAM"] = "CUIJK"
    old = RegisterEntry.objects.get(vestiging="10AB00")
    result = services.register_import(data=duo_file(changed))
    assert result == ImportResult(created=0, updated=1, unchanged=2)
    entry = RegisterEntry.objects.get(vestiging="10AB00")
    assert entry.place == "CUIJK"
    assert entry.pk == old.pk  # organisations point at it
    assert entry.updated_at > old.updated_at


def test_a_changed_detail_or_region_name_is_an_update():
    services.register_import(data=vo_file(2))
    rows = [vo_row("10AA"), vo_row("10AB", **{"RMC-REGIO_NAAM": "Brabant Noordoost"})]
    rows[0]["POSTCODE CORRESPONDENTIEADRES"] = "5830 AB"
    result = services.register_import(data=duo_file(rows))
    assert result == ImportResult(created=0, updated=1, unchanged=1)
    # One region, renamed (the first spelling in the file wins); no second region.
    assert list(Region.objects.values_list("code", "name")) == [
        ("36", "Noordoost-Brabant")
    ]
    services.register_import(
        data=duo_file([{**row, "RMC-REGIO NAAM": "Brabant Noordoost"} for row in rows])
    )
    assert list(Region.objects.values_list("code", "name")) == [
        ("36", "Brabant Noordoost")
    ]


def test_windows_1252_file_imports_the_same_as_utf8():
    services.register_import(data=(DATA / "vo_utf8_lf.csv").read_bytes())
    result = services.register_import(data=(DATA / "vo_cp1252_crlf.csv").read_bytes())
    assert result == ImportResult(created=0, updated=0, unchanged=3)
    assert RegisterEntry.objects.get(vestiging="20DE00").name == "Lycée Français Test"


def test_institution_lists():
    assert (
        services.register_import(
            data=demo("demo_mbo_institutions.csv"), sector="mbo"
        ).created
        == 3
    )
    assert (
        services.register_import(
            data=demo("demo_hbo_institutions.csv"), sector="hbo"
        ).created
        == 2
    )
    entry = RegisterEntry.objects.get(brin="99MA")
    assert (entry.sector, entry.vestiging, entry.name) == (
        "mbo",
        "",
        "ROC Betuwe en Bommelerwaard",
    )
    assert entry.code == "99MA"
    assert RegisterEntry.objects.filter(sector="hbo").count() == 2
    services.register_import(
        data=(DATA / "mbo_institutions.csv").read_bytes(), sector="mbo"
    )
    assert RegisterEntry.objects.get(brin="25LP").details == {"KVK-NUMMER": "12345678"}


def test_a_bad_file_writes_nothing():
    with pytest.raises(RegisterImportError) as caught:
        services.register_import(data=(DATA / "vo_bad_rows.csv").read_bytes())
    assert [error.line for error in caught.value.errors] == [3, 3, 4, 6, 7]
    assert not RegisterEntry.objects.exists()
    assert not Region.objects.exists()


def test_an_institution_list_without_sector_is_refused():
    with pytest.raises(RegisterImportError, match="choose its sector"):
        services.register_import(data=demo("demo_mbo_institutions.csv"))
    assert not RegisterEntry.objects.exists()


def test_two_thousand_rows_are_quick_and_take_few_queries(
    django_assert_max_num_queries,
):
    # Not one query per row: SQLite allows 999 parameters a statement, so bulk writes go
    # in batches of ~50 rows there (about 40 queries for 2,000); PostgreSQL needs a handful.
    data = vo_file(2000)
    started = time.perf_counter()
    with django_assert_max_num_queries(60):
        assert services.register_import(data=data).created == 2000
    with django_assert_max_num_queries(10):
        assert services.register_import(data=data).unchanged == 2000
    changed = data.replace(b'"BOXMEER"', b'"CUIJK"')
    with django_assert_max_num_queries(60):
        assert services.register_import(data=changed).updated == 2000
    assert time.perf_counter() - started < 10  # about 1 s here; generous for slow CI


def test_job_create_queues_the_import_after_commit(
    staff_user, django_capture_on_commit_callbacks
):
    data = vo_file(2)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        job = services.import_job_create(
            data=data, filename="vo.csv", sector=None, by=staff_user
        )
    assert len(callbacks) == 1
    task = DBTaskResult.objects.get()
    assert task.task_path == "doorlopend.registry.tasks.import_job_run"
    assert task.args_kwargs == {"args": [job.pk], "kwargs": {}}
    assert (job.status, job.size, job.created_by) == ("queued", len(data), staff_user)


def test_the_same_file_twice_while_queued_is_one_job(
    staff_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = services.import_job_create(
            data=vo_file(2), filename="a.csv", sector=None, by=staff_user
        )
        second = services.import_job_create(
            data=vo_file(2), filename="a.csv", sector=None, by=staff_user
        )
        other = services.import_job_create(
            data=vo_file(3), filename="b.csv", sector=None, by=staff_user
        )
    assert second.pk == first.pk
    assert other.pk != first.pk
    assert DBTaskResult.objects.count() == 2


def make_job(data: bytes, sector: str = "") -> ImportJob:
    return ImportJob.objects.create(
        data=data,
        content_hash="x",
        original_filename="f.csv",
        sector=sector,
        language="en",
    )


def test_job_run_records_the_counts():
    job = services.import_job_run(
        job_id=make_job(demo("demo_mbo_institutions.csv"), "mbo").pk
    )
    job.refresh_from_db()
    assert (job.status, job.progress, job.sector) == ("done", 100, "mbo")
    assert (job.created_count, job.updated_count, job.unchanged_count) == (3, 0, 0)
    assert job.started_at <= job.finished_at
    # Run again (a task delivered twice): nothing happens.
    services.import_job_run(job_id=job.pk)
    assert RegisterEntry.objects.count() == 3


def test_job_run_records_every_bad_line():
    job = services.import_job_run(
        job_id=make_job((DATA / "vo_bad_rows.csv").read_bytes()).pk
    )
    job.refresh_from_db()
    assert job.status == "refused"
    assert job.error_count == 5
    assert [error["line"] for error in job.errors] == [3, 3, 4, 6, 7]
    assert job.errors[2] == {"line": 4, "reason": "The name (VESTIGINGSNAAM) is empty."}
    assert not RegisterEntry.objects.exists()


def test_job_run_records_an_unexpected_error_and_raises(monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("doorlopend.registry.services.jobs.register_write", broken)
    job = make_job(vo_file(1))
    with pytest.raises(RuntimeError):
        services.import_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == "failed"
    assert "unexpected error" in job.errors[0]["reason"]
