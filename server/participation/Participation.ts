import type { RateLimiter } from '../rateLimit';
import type { SuggestionService } from './SuggestionService';
import type { VoteService } from './VoteService';

/** What the participation routes work with, beside the API's usual deps. */
export interface Participation {
  votes: VoteService;
  suggestions: SuggestionService;
  /** Keys senders (link and device) so the device id itself is never stored. */
  secret: Buffer;
  /** Ballots per sender: changing one's dots is cheap, a flood of them is not. */
  ballotLimiter: RateLimiter;
}
