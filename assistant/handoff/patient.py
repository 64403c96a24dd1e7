"""The patient's side of the handoff: a hook on the one message path, /human and /cancel.

- Asking for a person (``/human [question]`` or plain words) shows what staff would see
  and asks yes or no; so does a reply the conversation service escalates
  (``ConversationService.escalation``): no reliable answer, or (``handoff.on_urgent``) a
  triage "urgent" reply. Nothing reaches staff before a yes.
- While a case is open, the patient's messages go to its thread (an emergency or urgent
  message still gets triage's guidance first, and the thread is told).
- An emergency with no open case raises an alert in the staff room (no text), unless
  ``handoff.notify_emergencies`` is off.

Only private chats (Telegram private chats, Matrix direct rooms, the terminal) can have a
case: a reply from staff must reach the patient and no one else.
"""

from __future__ import annotations

import dataclasses
import logging

from assistant.commands import ChatCommand, CommandCall
from assistant.conversation import ConversationHook, Escalation
from assistant.handoff import outcomes, texts
from assistant.handoff.cases import CaseBook
from assistant.handoff.model import Case, CaseStatus, CloseReason, Origin
from assistant.handoff.wording import Consent, asks_for_a_person, read_consent, request_details
from assistant.messages import IncomingMessage, Reply, Response, Source

log = logging.getLogger(__name__)

#: a request with this many words besides the request itself carries its own question
#: ("can I talk to a nurse about the rash on my arm that keeps spreading")
_QUESTION_WORDS = 3


def _handoff_reply(text: str) -> Response:
    return Response(Reply(text, Source.HANDOFF))


def _appended(response: Response, text: str) -> Response:
    reply = response.reply
    joined = f"{reply.text}\n\n{text}" if reply.text else text
    return dataclasses.replace(response, reply=dataclasses.replace(reply, text=joined))


class PatientHook(ConversationHook):
    def __init__(self, book: CaseBook) -> None:
        self.book = book

    # -- before the pipeline -------------------------------------------------------------

    async def before(self, message: IncomingMessage) -> Response | None:
        if message.command is not None or message.media is not None:
            return None  # commands (/cancel, /human) and the non-text notice as usual
        if not message.is_private:
            if asks_for_a_person(message.text):
                return _handoff_reply(texts.GROUP_ONLY_PRIVATE)
            return None
        if self.book.assistant.is_triaged(message.text):
            return None  # the emergency or urgent guidance first, always; after() tells staff
        async with self.book.lock(message):
            case = await self.book.active_for(message)
            if case is None:
                if asks_for_a_person(message.text):
                    return await self.request(message, None)
                return None
            if case.status is CaseStatus.CONSENT:
                return await self._consent_answer(case, message)
            await self.book.add_patient_message(case, message)
            return _handoff_reply(texts.ADDED.format(case=case.id))

    async def request(self, message: IncomingMessage, question: str | None) -> Response:
        """The patient asked for a person: show what staff would see and ask (or ask for the
        question first when there is none yet)."""
        turns = self.book.recent_turns(message)
        if question is None and len(request_details(message.text).split()) >= _QUESTION_WORDS:
            question = message.text
        if question is not None:
            anonymized: str | None = await self.book.anonymize(message, question)
            context = turns
        else:
            # The question is the last one they asked me; the turns before it are context.
            asked = [i for i, turn in enumerate(turns) if turn.role == "user"]
            anonymized = turns[asked[-1]].text if asked else None
            context = turns[: asked[-1]] if asked else ()
        case = await self.book.start_consent(
            message, Origin.REQUEST, question=anonymized, context=context,
            level=outcomes.ROUTINE,
        )  # fmt: skip
        if anonymized is None:
            return _handoff_reply(texts.ASK_QUESTION)
        return _handoff_reply(self.book.consent_prompt(case, texts.REQUEST_INTRO))

    async def _consent_answer(self, case: Case, message: IncomingMessage) -> Response | None:
        book = self.book
        if book.consent_expired(case):
            await book.close(case, CloseReason.EXPIRED)
            return None  # an old offer: this message is a new question
        if case.question is None:  # they were asked for their question: this is it
            case = await book.set_question(case, await book.anonymize(message, message.text))
            return _handoff_reply(book.consent_prompt(case, texts.REQUEST_INTRO))
        answer = read_consent(message.text)
        if answer is Consent.ORIGINAL and book.settings.share != "original":
            answer = None  # not offered: ask again rather than guess
        if answer is Consent.NO:
            await book.close(case, CloseReason.DECLINED)
            return _handoff_reply(texts.DECLINED)
        if answer is not None:
            reply = await book.open(case, message, original=answer is Consent.ORIGINAL)
            return _handoff_reply(reply)
        if asks_for_a_person(message.text):  # "a nurse please" after an offer: show it again
            return _handoff_reply(book.consent_prompt(case, texts.REQUEST_INTRO))
        if case.origin is Origin.REQUEST:
            return _handoff_reply(book.consent_again())
        # An offer they went past: it lapses and this message is answered as usual.
        await book.close(case, CloseReason.EXPIRED)
        return None

    # -- after the pipeline --------------------------------------------------------------

    async def after(self, message: IncomingMessage, response: Response) -> Response:
        reply = response.reply
        if reply.source in (Source.COMMAND, Source.HANDOFF, Source.RATE_LIMITED):
            return response
        if message.command is not None or message.media is not None:
            return response
        if outcomes.is_triaged(reply) and await self._triaged(message, reply):
            return response
        if not message.is_private:
            return response
        book = self.book
        reason = book.service.escalation(reply)
        urgent = reason is Escalation.URGENT and book.settings.on_urgent
        if not (reason is Escalation.UNANSWERED or urgent):
            return response
        async with book.lock(message):
            if await book.active_for(message) is not None:
                return response
            question = reply.anonymized or await book.anonymize(message, message.text)
            turns = book.recent_turns(message)
            if len(turns) >= 2 and turns[-2].role == "user" and turns[-2].text == question:
                turns = turns[:-2]  # the pipeline kept this exchange: context is what came before
            case = await book.start_consent(
                message,
                Origin.URGENT if urgent else Origin.OFFER,
                question=question,
                context=turns,
                level=outcomes.triage_level(reply) if urgent else outcomes.ROUTINE,
                category=reply.category,
            )
        intro = texts.URGENT_INTRO if urgent else texts.OFFER_INTRO
        return _appended(response, book.consent_prompt(case, intro))

    async def _triaged(self, message: IncomingMessage, reply: Reply) -> bool:
        """The patient already has triage's guidance; now staff hear of it: in the open
        case's thread, or (an emergency) as an alert. True: nothing more to do."""
        book = self.book
        case = await book.active_for(message) if message.is_private else None
        if case is not None and case.status is CaseStatus.OPEN:
            await book.add_patient_message(case, message, triaged=reply)
            return True
        if reply.source is not Source.EMERGENCY:
            return False  # urgent: the offer may follow (handoff.on_urgent)
        if book.settings.notify_emergencies:
            await book.alert(message, reply)
        return True


class HumanCommand(ChatCommand):
    name = "human"
    description = "Ask a member of the clinic team"

    def __init__(self, hook: PatientHook) -> None:
        self.hook = hook

    async def _run(self, call: CommandCall) -> Response:
        message = call.message
        if not message.is_private:
            return call.reply(texts.GROUP_ONLY_PRIVATE)
        book = self.hook.book
        async with book.lock(message):
            case = await book.active_for(message)
            if case is not None and case.status is CaseStatus.OPEN:
                return call.reply(texts.ALREADY_OPEN.format(case=case.id, prefix=call.prefix))
            question = " ".join(call.args) or None
            if case is not None and question is None and case.question is not None:
                # an offer or a request waiting for a yes: show it again
                return call.reply(book.consent_prompt(case, texts.REQUEST_INTRO))
            if case is not None:
                await book.close(case, CloseReason.EXPIRED)  # a fresh request replaces it
            response = await self.hook.request(message, question)
        return call.reply(response.reply.text)


class CancelCommand(ChatCommand):
    name = "cancel"
    description = "Withdraw your question to the clinic team"

    def __init__(self, book: CaseBook) -> None:
        self.book = book

    async def _run(self, call: CommandCall) -> Response:
        message = call.message
        book = self.book
        async with book.lock(message):
            case = await book.active_for(message)
            if case is None:
                return call.reply(texts.NOTHING_TO_CANCEL)
            if case.status is CaseStatus.CONSENT:
                await book.close(case, CloseReason.DECLINED)
                return call.reply(texts.CONSENT_CANCELLED)
            await book.close(
                case, CloseReason.CANCELLED, staff_note=texts.WITHDRAWN.format(case=case.id)
            )
        return call.reply(texts.CANCELLED.format(case=case.id))
