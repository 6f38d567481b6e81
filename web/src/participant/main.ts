/**
 * The phone's entry, small on purpose: a phone coming back to a meeting shows
 * the exercise it last saw, so this starts fetching that view and the texts
 * at once, alongside the app itself (app.ts, which index.html preloads),
 * rather than after the app has arrived and run. On a slow network that is a
 * round trip and the app's download less before the first real paint.
 */
import { normaliseCode } from '@karusell/shared/ids';
import '../lib/base.css';
import './participant.css';
import { fetchTexts, storedChoice } from './language';
import { lastJoined, linkedCode, seenCopy } from './resume';
import { fetchView } from './views';

void import('./app').then((app) => app.start());
const linked = linkedCode();
const code = linked ? normaliseCode(linked) : lastJoined();
const copy = code ? seenCopy(code) : null;
if (copy) {
  fetchTexts(storedChoice() ?? copy.state.plan.language).catch(() => {});
  void fetchView(copy.state);
}
