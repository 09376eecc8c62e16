import { readStored, writeStored } from '../browserStorage';

const KEY = 'mantelkaart:timerSound';

/** Whether this device plays a sound when the timer ends (off unless switched on here). */
export function timerSoundOn(): boolean {
  return readStored(KEY) === true;
}

export function setTimerSound(on: boolean): void {
  writeStored(KEY, on);
}

let context: AudioContext | null = null;

/** Three short soft tones, made in the browser: no sound file to download on the view path. */
export function playTimerEnd(): void {
  try {
    context ??= new AudioContext();
    const start = context.currentTime;
    for (let i = 0; i < 3; i++) {
      const osc = context.createOscillator();
      const gain = context.createGain();
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.0001, start + i * 0.35);
      gain.gain.exponentialRampToValueAtTime(0.25, start + i * 0.35 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.35 + 0.25);
      osc.connect(gain).connect(context.destination);
      osc.start(start + i * 0.35);
      osc.stop(start + i * 0.35 + 0.3);
    }
  } catch {
    // No audio here: the screen still shows that the time is up.
  }
}

/** Browsers only let a page make sound after a tap: switching the sound on is that tap. */
export function unlockAudio(): void {
  try {
    context ??= new AudioContext();
    void context.resume();
  } catch {
    // ignore
  }
}
