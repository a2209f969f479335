"""The guidance chat's page: works without JavaScript; the conversation travels in the form."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template, request

from app.chat.ranking import MAX_MESSAGE_CHARS
from app.web import wording
from app.web.presenters import ChatView, answer_chat
from app.web.site import _, page, page_language

bp = Blueprint("chat", __name__)
# Earlier messages kept on the page: each one is answered again on every post, so a post with a
# long history costs a reply per message. The last few carry the conversation; older ones drop off.
MAX_CHAT_HISTORY = 3


def render_chat(exchanges: list[tuple[str, ChatView]], status: int = 200, **context: Any) -> Any:
    texts = wording.for_language(page_language())
    return render_template("chat/chat.html", exchanges=exchanges, wording=texts, **context), status


@page(bp, "chat", methods=["GET", "POST"])
def chat(lang: str) -> Any:
    if request.method == "GET":
        return render_chat([], message_error=None)
    message = request.form.get("message", "")
    history = [text for text in request.form.getlist("history") if text.strip()][-MAX_CHAT_HISTORY:]
    if len(message) > MAX_MESSAGE_CHARS:
        exchanges = [
            (text, answer_chat(text, lang)[1]) for text in history if len(text) <= MAX_MESSAGE_CHARS
        ]
        error = _(
            "Your message is too long. Please use at most %(max)s characters.",
            max=MAX_MESSAGE_CHARS,
        )
        return render_chat(exchanges, 400, message_error=error, draft=message)
    messages = [text[:MAX_MESSAGE_CHARS] for text in history] + [message]
    # Each message is read with the one before it, so a follow-up keeps the conversation's topic.
    exchanges = [
        (text, answer_chat(text, lang, messages[index - 1] if index else None)[1])
        for index, text in enumerate(messages)
    ]
    return render_chat(exchanges, message_error=None)
