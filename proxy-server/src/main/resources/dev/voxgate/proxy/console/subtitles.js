// The timed lines of an answer: verbose_json's segments, or the cues of an srt or vtt file.

const TIME = /(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{1,3})/;
const CUE_TIMES = new RegExp(`${TIME.source}\\s*-->\\s*${TIME.source}`);

/** [{start, end, text}] in seconds, in the answer's order; empty for a format without timings. */
export function cues(format, body) {
  switch (format) {
    case 'verbose_json':
      return (JSON.parse(body).segments ?? []).map((segment) => ({
        start: Number(segment.start), end: Number(segment.end), text: String(segment.text).trim(),
      }));
    case 'srt':
    case 'vtt':
      return body.replace(/\r\n?/g, '\n').split(/\n{2,}/).flatMap(cue);
    default:
      return [];
  }
}

function cue(block) {
  const lines = block.split('\n');
  const at = lines.findIndex((line) => CUE_TIMES.test(line));
  if (at < 0) {
    return [];
  }
  const times = lines[at].match(CUE_TIMES);
  return [{
    start: seconds(times.slice(1, 5)),
    end: seconds(times.slice(5, 9)),
    text: lines.slice(at + 1).join('\n').trim(),
  }];
}

function seconds([hours, minutes, secs, fraction]) {
  return Number(hours ?? 0) * 3600 + Number(minutes) * 60 + Number(secs) + Number(`0.${fraction}`);
}
