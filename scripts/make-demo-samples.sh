#!/usr/bin/env bash
# Makes demo/samples/shiur.wav: a short English shiur (Torah lesson) on the first mishnah of
# Berakhot with Hebrew in it, spoken by espeak-ng (English by the `en-us` voice, the mishnah's
# opening question in Hebrew letters by the `he` voice), in three parts separated by pauses,
# 16 kHz mono 16-bit PCM.
#
# It also prints what worker/src/sandbox/samples/demo-samples.ts needs to know the recording: its
# SHA-256, its length, and every word with its start and end in ms. The timings are an estimate
# within measured boundaries: each sentence is synthesized on its own, its voiced span (from the
# first to the last 10 ms window whose peak exceeds 300 of 32767) is measured, and its place in the
# file is known exactly because this script lays the sentences and the silences end to end. Inside
# a sentence the words share that span in proportion to their number of letters, 30 ms apart.
#
# Needs espeak-ng and ffmpeg (Debian: apt-get install espeak-ng ffmpeg), and coreutils and awk.
# Run from anywhere: bash scripts/make-demo-samples.sh
set -euo pipefail

for tool in espeak-ng ffmpeg od dd awk sha256sum; do
  command -v "$tool" >/dev/null || { echo "make-demo-samples: $tool is not installed" >&2; exit 1; }
done
export LC_ALL=C.UTF-8

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/demo/samples"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

rate=16000
margin=$((rate * 50 / 1000)) # 50 ms of each sentence's own silence kept on either side
# The words of the file, as SoferAI would write them, one sentence a line:
#   voice|what espeak-ng reads|what the transcript says|silence after it, in ms
# The Hebrew line is read with some vowel points (niqqud) so that espeak-ng pronounces it
# "me'eimatai korin et shma ba'arvit"; the transcript writes it unpointed, as SoferAI does. A pause
# over 1.5 s starts a new paragraph in the transcript: the Hebrew question stands alone, and the
# three parts (the evening Shema, the morning Shema, the conclusion) are apart. Each part has 31
# words, so the sandbox's outline (one topic per 30 words, cut at the nearest sentence start) cuts
# exactly where the parts begin.
sentences=(
  'en-us|Today we learn the first mishnah of Berakhot.||300'
  'en-us|It asks about the evening Shema:||1600'
  'he|מֵאֵימָתַי קוֹרִין אֶת שמַע בעַרבִית?|מאימתי קורין את שמע בערבית?|1600'
  'en-us|From when may we recite the Shema in the evening?||300'
  'en-us|From nightfall.||1800'
  'en-us|Second, the morning Shema.||300'
  'en-us|The next mishnah asks when we may recite the morning Shema.||300'
  'en-us|Once one can tell blue from white, the mishnah says.||300'
  'en-us|Rabbi Eliezer says: blue from green.||1800'
  'en-us|In conclusion, the Shema has two times.||300'
  'en-us|At night we recite it from nightfall, by day from first light.||300'
  'en-us|Both times follow what we see.||300'
  'en-us|Next, the blessings of the Shema.||0'
)

ff() { ffmpeg -hide_banner -loglevel error -nostdin -y "$@"; }

# The first and last sample (exclusive) of the voiced span of raw s16le mono audio.
voiced_span() {
  od -An -v -t d2 -w2 "$1" | awk -v window=$((rate / 100)) '
    { value = $1 < 0 ? -$1 : $1; index_ = int((NR - 1) / window); if (value > peak[index_]) peak[index_] = value; last = index_ }
    END {
      first = -1; final = -1
      for (i = 0; i <= last; i++) if (peak[i] > 300) { if (first < 0) first = i; final = i }
      if (first < 0) { print 0, 0; exit }
      end = (final + 1) * window; if (end > NR) end = NR
      print first * window, end
    }'
}

raw="$work/shiur.raw"
: >"$raw"
offset=0 # samples written so far
words_out="$work/words.txt"
: >"$words_out"

for index in "${!sentences[@]}"; do
  IFS='|' read -r voice spoken written pause <<<"${sentences[$index]}"
  [[ -n "$written" ]] || written="$spoken"
  speed=170
  [[ "$voice" == he ]] && speed=140
  espeak-ng -v "$voice" -s "$speed" -w "$work/sentence.wav" "$spoken"
  ff -i "$work/sentence.wav" -ar "$rate" -ac 1 -f s16le -c:a pcm_s16le "$work/sentence.raw"
  read -r voiced_first voiced_end < <(voiced_span "$work/sentence.raw")
  # Only the voiced span and a margin of it are kept: espeak-ng's own silences are long and uneven.
  total=$(($(stat -c %s "$work/sentence.raw") / 2))
  keep_from=$((voiced_first > margin ? voiced_first - margin : 0))
  keep_to=$((voiced_end + margin < total ? voiced_end + margin : total))
  samples=$((keep_to - keep_from))
  first=$((voiced_first - keep_from))
  end=$((voiced_end - keep_from))
  dd if="$work/sentence.raw" iflag=skip_bytes,count_bytes skip=$((keep_from * 2)) count=$((samples * 2)) \
    status=none >>"$raw"
  if ((pause > 0)); then head -c $((pause * rate / 1000 * 2)) /dev/zero >>"$raw"; fi

  # The words with their letter counts (punctuation and apostrophes do not count), for awk.
  read -r -a tokens <<<"$written"
  for token in "${tokens[@]}"; do
    letters="${token//[^[:alpha:]]/}"
    printf '%s\t%s\t%s\t%s\t%s\n' "$voice" "$((offset + first))" "$((offset + end))" "${#letters}" "$token"
  done >"$work/sentence-words.txt"
  awk -F '\t' -v rate="$rate" -v gap=30 '
    { voice[NR] = $1; from = $2; to = $3; weight[NR] = $4; text[NR] = $5; total += $4 }
    END {
      start = from * 1000 / rate; span = (to - from) * 1000 / rate - gap * (NR - 1)
      for (i = 1; i <= NR; i++) {
        end = start + span * weight[i] / total
        language = voice[i] == "he" ? ", language: '"'"'he'"'"'" : ""
        printf "    { text: '"'"'%s'"'"', startMs: %d, endMs: %d%s },\n", text[i], start + 0.5, end + 0.5, language
        start = end + gap
      }
    }' "$work/sentence-words.txt" >>"$words_out"
  offset=$((offset + samples + pause * rate / 1000))
done

# -bitexact and no metadata keep the file byte-stable between runs and free of encoder strings.
ff -f s16le -ar "$rate" -ac 1 -i "$raw" -c:a pcm_s16le -map_metadata -1 -fflags +bitexact \
  -flags:a +bitexact "$out/shiur.wav"

echo "demo/samples/shiur.wav: $(stat -c %s "$out/shiur.wav") bytes, $offset samples" \
  "($(awk -v s="$offset" -v r="$rate" 'BEGIN { printf "%.1f", s * 1000 / r }') ms)"
echo "sha256: $(sha256sum "$out/shiur.wav" | cut -d' ' -f1)"
echo 'words:'
cat "$words_out"
