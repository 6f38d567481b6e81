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
import { lastJoined, lastSeen, linkedCode } from './resume';
import { fetchView } from './views';

void import('./app').then((app) => app.start());
const linked = linkedCode();
const code = linked ? normaliseCode(linked) : lastJoined();
if (code) {
  void lastSeen(code, true).then((seen) => {
    if (!seen) return;
    fetchTexts(storedChoice() ?? seen.state.plan.language).catch(() => {});
    void fetchView(seen.state);
  });
}
