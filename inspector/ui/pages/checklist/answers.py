"""The one copy of an inspection's answers on the checklist page (no Qt).

The page loads an inspection as it is stored (:class:`ChecklistData`, left as
loaded); what the user enters from then on is kept here, at once, while the saves
follow on the serial queue. Everything the page shows (the ratings, the progress,
the overall comment, the general photos' count) reads from here.
"""

from __future__ import annotations

from collections.abc import Iterable

from inspector.domain.scoring import Answer
from inspector.services.api.inspections import ChecklistData

_EMPTY = Answer(None, "")


class Answers:
    """Ratings and notes by criterion, the overall comment and the general photos' count."""

    def __init__(self, data: ChecklistData) -> None:
        self._answers: dict[str, Answer] = dict(data.answers)
        self.general_note = data.general_note
        self.general_photos = data.photo_counts.get(None, 0)

    def get(self, criterion_id: str) -> Answer | None:
        return self._answers.get(criterion_id)

    def rating(self, criterion_id: str) -> str | None:
        return self._answers.get(criterion_id, _EMPTY).rating

    def rate(self, criterion_id: str, rating: str | None) -> Answer:
        answer = Answer(rating, self._answers.get(criterion_id, _EMPTY).note)
        self._answers[criterion_id] = answer
        return answer

    def write_note(self, criterion_id: str, note: str) -> Answer:
        answer = Answer(self._answers.get(criterion_id, _EMPTY).rating, note)
        self._answers[criterion_id] = answer
        return answer

    def rated(self) -> set[str]:
        """The criteria with a rating."""
        return {cid for cid, answer in self._answers.items() if answer.rating}

    def ratings(self) -> dict[str, str]:
        return {cid: answer.rating for cid, answer in self._answers.items() if answer.rating}

    def count_rated(self, criteria: Iterable[str]) -> int:
        rated = self.rated()
        return sum(1 for cid in criteria if cid in rated)

    @property
    def commented(self) -> bool:
        """The overall comment is written."""
        return bool(self.general_note.strip())
