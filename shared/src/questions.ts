/**
 * Questions in a Q&A item ("Frågestund"): participants send them and upvote
 * others' once each; the facilitator types in questions asked aloud, marks
 * one as being answered, then answered, may hide one, and writes a short
 * summary of each answer for the minutes.
 */
import { findItem } from './agenda';
import type { CommandOf } from './commands';
import type { DecideContext, Decision } from './decide';
import type { Question, WorkshopEvent } from './events';
import { IDEA_MAX, textLength } from './ideas';
import { own, type WorkshopState } from './state';

/** The longest answer summary. */
export const ANSWER_MAX = 2_000;

/** ask_question: to the running Q&A item, by a participant or (asked aloud) the facilitator. */
export function decideAsk(state: WorkshopState, c: CommandOf<'ask_question'>, ctx: DecideContext): Decision {
  const item = findItem(state.plan, c.item);
  if (!item) return { ok: false, code: 'unknown_item' };
  if (item.kind !== 'qa') return { ok: false, code: 'not_a_qa' };
  if (state.running !== item.id) return { ok: false, code: 'item_not_running' };
  const text = c.text.trim();
  if (!text) return { ok: false, code: 'empty_text' };
  if (textLength(text) > IDEA_MAX) return { ok: false, code: 'text_too_long' };
  const question: Question = {
    id: ctx.newId(), item: item.id, text, name: c.name?.trim() || null,
    participant: ctx.actor.role === 'participant' ? ctx.actor.participant : null,
    at: ctx.now, votes: [], status: 'queued', answer: null,
  };
  return { ok: true, events: [{ type: 'question_asked', question, at: ctx.now }], result: { question: question.id } };
}

/** upvote_question: once per participant, never one's own, only while the item runs. */
export function decideUpvote(state: WorkshopState, c: CommandOf<'upvote_question'>, ctx: DecideContext): Decision {
  const question = own(state.questions, c.question);
  if (!question || question.item !== c.item || question.status === 'hidden') return { ok: false, code: 'unknown_question' };
  if (state.running !== question.item) return { ok: false, code: 'item_not_running' };
  const participant = ctx.actor.role === 'participant' ? ctx.actor.participant : '';
  if (question.participant === participant || question.votes.includes(participant)) return { ok: true, events: [] };
  return { ok: true, events: [{ type: 'question_upvoted', question: question.id, participant, at: ctx.now }] };
}

/** set_question_status and answer_question: the facilitator's, at any time (answers are often written afterwards). */
export function decideQuestionByFacilitator(
  state: WorkshopState,
  c: CommandOf<'set_question_status' | 'answer_question'>,
  at: number,
): Decision {
  const question = own(state.questions, c.question);
  if (!question) return { ok: false, code: 'unknown_question' };
  if (c.type === 'set_question_status') {
    if (question.status === c.status) return { ok: true, events: [] };
    // One question is answered at a time: the one being answered before counts as answered.
    const previous = c.status === 'answering'
      ? state.questionOrder.map((id) => state.questions[id]!).filter((q) => q.item === question.item && q.status === 'answering')
      : [];
    return {
      ok: true,
      events: [
        ...previous.map((q): WorkshopEvent => ({ type: 'question_status_set', question: q.id, status: 'answered', from: 'answering', at })),
        { type: 'question_status_set', question: question.id, status: c.status, from: question.status, at },
      ],
    };
  }
  const text = c.text.trim();
  if (text.length > ANSWER_MAX) return { ok: false, code: 'text_too_long' };
  return { ok: true, events: text === (question.answer ?? '') ? [] : [{ type: 'question_answered', question: question.id, text, at }] };
}
