"""A list instrument's definition is checked when it is read."""

import pytest

from doorlopend.instruments.definition import DefinitionError
from doorlopend.instruments.itemlist import parse_list


def test_a_list_without_items_is_refused():
    with pytest.raises(DefinitionError) as info:
        parse_list(
            {"kind": "list", "key": "x", "version": 1, "title": "X", "items": []},
            origin="x.yaml",
        )
    assert "items: must be a non-empty list" in info.value.errors
