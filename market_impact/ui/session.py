"""The user's own events and claims for this browser session only (`st.session_state`; nothing is stored on
the server), and `all_events()`: the catalogue plus what the user accepted, for every page that draws events."""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from market_impact.claims import Claim
from market_impact.events import Event
from market_impact.ui.loaders import cached_events

EVENTS_KEY = "byo_events"  # id → Event
CLAIMS_KEY = "byo_claims"  # id → Claim


def user_events() -> tuple[Event, ...]:
    """The events this session's user accepted from their own articles, in date order."""
    store: dict[str, Event] = st.session_state.get(EVENTS_KEY, {})
    return tuple(sorted(store.values(), key=lambda e: (e.date, e.date_end, e.importance, e.id)))


def add_user_events(events: Iterable[Event]) -> list[str]:
    """Add the user's events (the same id replaces the earlier version). Returns the ids refused: events not
    drawn from a user's article, or whose id the catalogue already uses."""
    taken = {e.id for e in cached_events()}
    store = dict(st.session_state.get(EVENTS_KEY, {}))
    refused = []
    for e in events:
        if not e.is_user or e.id in taken:
            refused.append(e.id)
            continue
        store[e.id] = e
    st.session_state[EVENTS_KEY] = store
    return refused


def remove_user_events(ids: Iterable[str]) -> None:
    drop = set(ids)
    st.session_state[EVENTS_KEY] = {k: v for k, v in st.session_state.get(EVENTS_KEY, {}).items() if k not in drop}


def clear_user_events() -> None:
    st.session_state[EVENTS_KEY] = {}


def all_events() -> tuple[Event, ...]:
    """The catalogue's events and the user's accepted ones, in the catalogue's order (date, end, importance, id)."""
    mine = user_events()
    if not mine:  # the catalogue is already in this order
        return cached_events()
    return tuple(sorted((*cached_events(), *mine), key=lambda e: (e.date, e.date_end, e.importance, e.id)))


def user_claims() -> tuple[Claim, ...]:
    """The claims this session's user accepted, in the order they were accepted."""
    return tuple(st.session_state.get(CLAIMS_KEY, {}).values())


def add_user_claims(claims: Iterable[Claim]) -> None:
    store = dict(st.session_state.get(CLAIMS_KEY, {}))
    store.update({c.id: c for c in claims})
    st.session_state[CLAIMS_KEY] = store


def remove_user_claims(ids: Iterable[str]) -> None:
    drop = set(ids)
    st.session_state[CLAIMS_KEY] = {k: v for k, v in st.session_state.get(CLAIMS_KEY, {}).items() if k not in drop}


def clear_user_claims() -> None:
    st.session_state[CLAIMS_KEY] = {}
