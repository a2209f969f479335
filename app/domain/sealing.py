"""Seals questionnaire answers into a link: encrypted and signed with the site's secret (Fernet),
so a result can be reopened without anything stored on the server and without the answers being
readable in the address."""

from __future__ import annotations

import base64
import hashlib
import json
import time
from collections.abc import Mapping
from enum import StrEnum

from cryptography.fernet import Fernet, InvalidToken

LINK_LIFETIME_SECONDS = 30 * 24 * 60 * 60
MAX_TOKEN_LENGTH = 2_000


class LinkProblem(StrEnum):
    EXPIRED = "expired"
    INVALID = "invalid"


class BrokenLink(ValueError):
    def __init__(self, problem: LinkProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


def _fernet(secret: str) -> Fernet:
    # A key of its own for links, derived from the site secret, so it is never used for two jobs.
    digest = hashlib.sha256(b"pensionsguiden/result-link/v1\x00" + secret.encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def seal(answers: Mapping[str, str], secret: str, now: float | None = None) -> str:
    payload = json.dumps(dict(answers), sort_keys=True, separators=(",", ":")).encode()
    moment = int(time.time() if now is None else now)
    return _fernet(secret).encrypt_at_time(payload, moment).decode("ascii")


def unseal(token: str, secret: str, now: float | None = None) -> dict[str, str]:
    if not token or len(token) > MAX_TOKEN_LENGTH or not token.isascii():
        raise BrokenLink(LinkProblem.INVALID)
    fernet = _fernet(secret)
    moment = int(time.time() if now is None else now)
    try:
        payload = fernet.decrypt_at_time(token.encode(), LINK_LIFETIME_SECONDS, moment)
    except InvalidToken:
        try:
            issued = fernet.extract_timestamp(token.encode())
        except InvalidToken:
            raise BrokenLink(LinkProblem.INVALID) from None
        problem = (
            LinkProblem.EXPIRED if moment - issued > LINK_LIFETIME_SECONDS else LinkProblem.INVALID
        )
        raise BrokenLink(problem) from None
    try:
        answers = json.loads(payload)
    except ValueError:
        raise BrokenLink(LinkProblem.INVALID) from None
    if not isinstance(answers, dict) or not all(
        isinstance(key, str) and isinstance(value, str) for key, value in answers.items()
    ):
        raise BrokenLink(LinkProblem.INVALID)
    return answers
