/**
 * Bounds of what one attempt may record. A candidate's browser reports every few seconds; these
 * leave room for a long, busy attempt (a batch every 3 s for 3 hours is 3,600 batches) while a
 * scripted client cannot fill the database.
 */
export const TIMELINE_LIMITS = {
  /** Batches a candidate may send a minute (RATE_LIMITED past it); the web app sends one every 5 s at most. */
  batchesPerMinute: 30,
  /** Events in one batch. */
  eventsPerBatch: 200,
  /** Code snapshots in one batch. */
  snapshotsPerBatch: 20,
  /** Events stored per attempt (LIMIT_EXCEEDED past it). */
  eventsPerAttempt: 5000,
  /** Bytes stored per attempt: event details plus snapshot bodies (full copies and patches). */
  bytesPerAttempt: 4 * 1024 * 1024,
  /** An event may be reported at most this late (ms), e.g. after the connection came back. */
  maxEventAgeMs: 15 * 60 * 1000,
  /** A full copy of the code every this many snapshots; patches in between. */
  snapshotFullEvery: 20,
  /** Frames one playback page returns at most. */
  playbackPage: 200,
  /** A paste counts as large in the summary from this many characters. */
  largePasteChars: 200,
} as const;

/**
 * What the candidate is told before starting, word for word (the invitation page and the
 * attempt's instructions show it). Change it together with what the web app records.
 */
export const RECORDING_NOTICE: readonly string[] = [
  'When you open each problem.',
  'Pastes into the editor: how many characters and lines, and whether the text was copied inside this page or came from elsewhere (the pasted text itself is not kept apart from your code).',
  'When this page loses and regains focus (switching tabs or windows).',
  'When your connection drops and comes back.',
  'Every Run (and whether it used your own input) and every Submit.',
  'Your code every few seconds while you edit, and at each Run and Submit, so a reviewer can replay how it was written.',
  'Nothing else: no camera, microphone, screen or keystroke recording, and nothing outside this page. Recruiters review this as evidence next to your results; it never changes your score by itself.',
];
