/**
Formats a playback time as the media players do: `M:SS`, or `H:MM:SS` when `withHours` is set (pass
it for every time of a recording an hour or longer, so they line up). Rounds down, as a clock does;
negative and non-finite times read as zero.
*/
export function formatTime(timeInSeconds: number, withHours = false): string {
  const total = Number.isFinite(timeInSeconds) && timeInSeconds > 0 ? Math.floor(timeInSeconds) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return withHours || hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`;
}

/**
A time as an HTML duration string (`PT1H2M5.5S`), for the `datetime` of a `<time>` element.
Milliseconds are kept; negative and non-finite times read as zero.
*/
export function toDurationString(timeInSeconds: number): string {
  const milliseconds =
    Number.isFinite(timeInSeconds) && timeInSeconds > 0 ? Math.round(timeInSeconds * 1000) : 0;
  const hours = Math.floor(milliseconds / 3_600_000);
  const minutes = Math.floor((milliseconds % 3_600_000) / 60_000);
  const seconds = (milliseconds % 60_000) / 1000;
  return `PT${hours > 0 ? `${hours}H` : ''}${minutes > 0 ? `${minutes}M` : ''}${seconds}S`;
}
