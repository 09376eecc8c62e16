import { useEffect, useRef, useState } from 'react';
import { timerRemaining } from '../../../shared/participation/participationState';
import { useHost, useLocalize } from '../ui/HostContext';
import { Icon } from '../ui/Icon';
import { formatCountdown, useParticipation, useServerNow } from './useParticipation';
import { playTimerEnd, setTimerSound, timerSoundOn, unlockAudio } from './timerSound';

/** After it ran out, "Tijd is om" stays this long before the chip goes away by itself. */
const SHOW_DONE_MS = 60_000;

/**
 * The shared countdown, on every screen: time left on the server's clock, so all screens agree. Editors get pause,
 * +1 minute and stop; everyone can switch a sound at the end on or off for their own device.
 */
export function TimerChip() {
  const { services } = useHost();
  const localize = useLocalize();
  const { timer } = useParticipation();
  const now = useServerNow(timer?.status === 'running');
  const [sound, setSound] = useState(timerSoundOn);
  const rang = useRef<number | null>(null);
  const left = timer ? timerRemaining(timer, now) : 0;
  const done = timer?.status === 'running' && left === 0;
  useEffect(() => {
    if (done && timer?.status === 'running' && rang.current !== timer.endsAt) {
      rang.current = timer.endsAt;
      if (sound && now - timer.endsAt < 5000) playTimerEnd();
    }
  }, [done, timer, sound, now]);
  if (!timer || (timer.status === 'running' && now - timer.endsAt > SHOW_DONE_MS)) return null;
  const editor = services.participation.canEdit;
  const p = services.participation;
  const label = done ? localize({ nl: 'Tijd is om', en: 'Time is up' }) : formatCountdown(left);
  return (
    <div className={`mk-timer ${done ? 'is-done' : ''} ${timer.status === 'paused' ? 'is-paused' : ''} ${left <= 10_000 && !done ? 'is-ending' : ''}`} role="timer" aria-live="off" data-testid="timer">
      <Icon name="timer" size={18} />
      <span className="mk-timer-time" data-testid="timer-left" data-left-ms={Math.round(left)} data-at={Math.round(performance.timeOrigin + performance.now())} aria-label={localize({ nl: 'Tijd over', en: 'Time left' })}>
        {label}
      </span>
      {timer.status === 'paused' && <span className="mk-timer-state">{localize({ nl: 'gepauzeerd', en: 'paused' })}</span>}
      {editor && (
        <span className="mk-timer-actions">
          {timer.status === 'running' && !done && (
            <button type="button" onClick={() => void p.timer({ action: 'pause' })} aria-label={localize({ nl: 'Pauze', en: 'Pause' })} title={localize({ nl: 'Pauze', en: 'Pause' })}>
              <Icon name="pause" size={16} />
            </button>
          )}
          {timer.status === 'paused' && (
            <button type="button" onClick={() => void p.timer({ action: 'resume' })} aria-label={localize({ nl: 'Verder', en: 'Resume' })} title={localize({ nl: 'Verder', en: 'Resume' })}>
              <Icon name="play" size={16} />
            </button>
          )}
          <button type="button" onClick={() => void p.timer({ action: 'add', seconds: 60 })} title={localize({ nl: 'Eén minuut erbij', en: 'One more minute' })}>
            +1
          </button>
          <button type="button" onClick={() => void p.timer({ action: 'stop' })} aria-label={localize({ nl: 'Timer stoppen', en: 'Stop timer' })} title={localize({ nl: 'Timer stoppen', en: 'Stop timer' })}>
            <Icon name="stop" size={16} />
          </button>
        </span>
      )}
      <button
        type="button"
        className="mk-timer-sound"
        aria-pressed={sound}
        aria-label={localize(sound ? { nl: 'Geluid aan het eind: aan', en: 'Sound at the end: on' } : { nl: 'Geluid aan het eind: uit', en: 'Sound at the end: off' })}
        title={localize(sound ? { nl: 'Geluid aan het eind: aan (dit apparaat)', en: 'Sound at the end: on (this device)' } : { nl: 'Geluid aan het eind: uit (dit apparaat)', en: 'Sound at the end: off (this device)' })}
        onClick={() => {
          if (!sound) unlockAudio();
          setTimerSound(!sound);
          setSound(!sound);
        }}
      >
        <Icon name={sound ? 'volume' : 'volume-off'} size={16} />
      </button>
    </div>
  );
}
