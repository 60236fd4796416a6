"""Field-level provenance (events/provenance.py): which filtered-on values of an event
rest on held documents, which only on outside references, which on nothing."""

from events.provenance import Cited, field_support, fields_to_support, is_documented


def test_only_the_values_an_event_has_need_support():
    meeting = {"end_date": None, "place": None, "participants": ["a", "b"]}
    assert fields_to_support("meetings", meeting) == ["date", "participants", "kind", "status"]
    incident = {"end_date": "2023-09-19", "place": "x", "actors": [], "fatalities": 0}
    assert fields_to_support("incidents", incident) == [
        "date",
        "end_date",
        "place",
        "kind",
        "fatalities",  # zero is a value; null (unknown) is not
    ]
    assert fields_to_support("statements", {}) == ["date", "speaker", "kind"]


def test_documents_outrank_references_and_disagreements_support_nothing():
    citations = [
        Cited("document", ["date", "kind"]),
        Cited("reference", ["date", "speaker"]),
        Cited("document", ["speaker"], disagrees=True),
    ]
    assert field_support(["date", "kind", "speaker", "text"], citations) == {
        "date": "document",
        "kind": "document",
        "speaker": "reference",
        "text": None,
    }
    assert not is_documented(["date", "speaker"], citations)
    assert is_documented(["date", "kind"], citations)
    assert is_documented([], [])  # nothing to support
