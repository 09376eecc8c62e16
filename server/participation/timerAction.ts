import { TIMER_MAX_MS, timerRemaining, type TimerState } from '../../shared/participation/participationState';
import { ApiError } from '../apiError';

export type TimerAction =
  | { action: 'start'; seconds: number }
  | { action: 'pause' }
  | { action: 'resume' }
  | { action: 'add'; seconds: number }
  | { action: 'stop' };

/**
 * The next state of the shared timer, on the server's clock: every screen shows `endsAt` minus the server time
 * it has estimated, so all agree whatever their own clocks say. Returns null for a stopped timer.
 */
export function nextTimer(current: TimerState | null, a: TimerAction, now: number): TimerState | null {
  switch (a.action) {
    case 'start':
      return { status: 'running', endsAt: now + a.seconds * 1000, durationMs: a.seconds * 1000, startedAt: now };
    case 'stop':
      return null;
    case 'pause':
      if (current?.status !== 'running' || current.endsAt <= now) throw new ApiError(409, 'TIMER_NOT_RUNNING', 'no timer is running');
      return { status: 'paused', remainingMs: current.endsAt - now, durationMs: current.durationMs, startedAt: current.startedAt };
    case 'resume':
      if (current?.status !== 'paused') throw new ApiError(409, 'TIMER_NOT_PAUSED', 'no timer is paused');
      return { status: 'running', endsAt: now + current.remainingMs, durationMs: current.durationMs, startedAt: current.startedAt };
    case 'add': {
      if (!current) throw new ApiError(409, 'TIMER_NOT_RUNNING', 'no timer is running');
      const left = Math.min(TIMER_MAX_MS, timerRemaining(current, now) + a.seconds * 1000);
      const durationMs = Math.min(TIMER_MAX_MS, current.durationMs + a.seconds * 1000);
      // A timer that had run out starts again from the added time.
      return current.status === 'running'
        ? { status: 'running', endsAt: now + left, durationMs, startedAt: current.startedAt }
        : { status: 'paused', remainingMs: left, durationMs, startedAt: current.startedAt };
    }
  }
}
