"""The one conversion of a view (what a service returns) to JSON-ready data for `--json`.

The rules, applied recursively:

- a dataclass view becomes a dict of its fields, in the order they are declared;
- an enum becomes its value; a date or datetime its ISO text; a time `HH:MM`;
- a list or tuple becomes a list; a dict keeps its order, its keys become text (an enum
  key its value);
- text, numbers, booleans and None stay as they are.

A field can say how it is written, with `field(metadata=json_as(...))`:

- `key`: the JSON key, when it differs from the field's name;
- `omit`: the field is left out;
- `money`: every integer in the value is an amount in öre, written as
  `{"ore": ..., "text": "200 000 kr"}`;
- `digits`: a float rounded to that many decimals;
- `items`: each tuple in the list becomes a dict with these keys;
- `flatten`: a nested view's keys are written in the outer view's place.

A view whose JSON is not its fields defines `json_data()`, returning the data to convert.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, is_dataclass
from datetime import date, time
from enum import Enum
from typing import Any

_METADATA_KEY = "json"


@dataclass(frozen=True)
class JsonAs:
    """How one field of a view is written in JSON (see the module's docstring)."""

    key: str | None = None
    omit: bool = False
    money: bool = False
    digits: int | None = None
    items: tuple[str, ...] = ()
    flatten: bool = False


_PLAIN = JsonAs()


def json_as(
    key: str | None = None,
    *,
    omit: bool = False,
    money: bool = False,
    digits: int | None = None,
    items: tuple[str, ...] = (),
    flatten: bool = False,
) -> dict[str, JsonAs]:
    """Field metadata saying how the field is written in JSON: `field(metadata=json_as(...))`."""
    return {_METADATA_KEY: JsonAs(key, omit, money, digits, items, flatten)}


def to_json(value: Any) -> Any:
    """A view (or a list or dict of views) as JSON-ready data: dicts, lists, text, numbers."""
    if is_dataclass(value) and not isinstance(value, type):
        return _view(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):  # a datetime too
        return value.isoformat()
    if isinstance(value, time):
        return value.isoformat(timespec="minutes")
    if isinstance(value, Mapping):
        return {_key(key): to_json(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [to_json(item) for item in value]
    return value


def _key(key: Any) -> str:
    if isinstance(key, Enum):
        return str(key.value)
    return key if isinstance(key, str) else str(key)


def _view(view: Any) -> dict[str, Any]:
    shaped = getattr(view, "json_data", None)
    if callable(shaped):
        data = to_json(shaped())
        assert isinstance(data, dict)
        return data
    data = {}
    for item in fields(view):
        how = item.metadata.get(_METADATA_KEY, _PLAIN)
        if how.omit:
            continue
        value = _shaped(getattr(view, item.name), how)
        if how.flatten:
            data.update(value)
        else:
            data[how.key or item.name] = value
    return data


def _shaped(value: Any, how: JsonAs) -> Any:
    if how.money:
        value = _money(value)
    if how.digits is not None:
        value = round(value, how.digits)
    if how.items:
        value = [dict(zip(how.items, entry, strict=True)) for entry in value]
    return to_json(value)


def _money(value: Any) -> Any:
    from psi.domain.money import amount_json

    if isinstance(value, int) and not isinstance(value, bool):
        return amount_json(value)
    if isinstance(value, Mapping):
        return {key: _money(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return tuple(_money(item) for item in value)
    if isinstance(value, list):
        return [_money(item) for item in value]
    return value
