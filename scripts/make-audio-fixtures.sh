#!/usr/bin/env bash
# Makes the audio fixtures in test/fixtures/audio/: real speech spoken by espeak-ng, converted by
# ffmpeg into every container scribekit sniffs and probes, plus durations.json with ffprobe's
# duration of each file (the reference the probe tests compare against).
#
# Needs espeak-ng, ffmpeg and ffprobe (Debian: apt-get install espeak-ng ffmpeg).
# Run from anywhere: bash scripts/make-audio-fixtures.sh
set -euo pipefail

for tool in espeak-ng ffmpeg ffprobe; do
  command -v "$tool" >/dev/null || { echo "make-audio-fixtures: $tool is not installed" >&2; exit 1; }
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/test/fixtures/audio"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# -bitexact and no metadata keep the files byte-stable between runs and free of encoder strings.
ff() { ffmpeg -hide_banner -loglevel error -nostdin -y "$@"; }
exact=(-map_metadata -1 -fflags +bitexact -flags:a +bitexact)

english='The quick brown fox jumps over the lazy dog.'
hebrew='שלום, זוהי דוגמה קצרה של דיבור בעברית.'
long_text='Speech to text turns spoken words into written text. This longer sample lets the probe read a file whose pages and frames span far more than the first few kilobytes of the file.'
short='One, two, three.'

# espeak-ng speaks at 22050 Hz; everything is resampled to 16 kHz mono, the rate speech services prefer.
espeak-ng -v en-us -s 150 -w "$work/english.wav" "$english"
espeak-ng -v he -s 150 -w "$work/hebrew.wav" "$hebrew"
espeak-ng -v en-us -s 160 -w "$work/long.wav" "$long_text"
espeak-ng -v en-us -s 150 -w "$work/short.wav" "$short"

pcm16k=(-ar 16000 -ac 1)
ff -i "$work/english.wav" "${pcm16k[@]}" -c:a pcm_s16le "${exact[@]}" "$out/speech.wav"
ff -i "$work/hebrew.wav" "${pcm16k[@]}" -c:a pcm_s16le "${exact[@]}" "$out/hebrew.wav"
# 24-bit samples make ffmpeg write WAVE_FORMAT_EXTENSIBLE; 8 kHz keeps the file small.
ff -i "$work/short.wav" -ar 8000 -ac 1 -c:a pcm_s24le "${exact[@]}" "$out/speech-extensible.wav"

src="$out/speech.wav"
# CBR without a Xing/Info frame: the probe has to estimate from the file size and bitrate. A title
# tag makes ffmpeg write an ID3v2 header that the probe must skip.
ff -i "$src" -c:a libmp3lame -b:a 32k -write_xing 0 -map_metadata -1 -fflags +bitexact \
  -metadata title='scribekit fixture' -id3v2_version 3 "$out/speech-cbr.mp3"
# VBR: LAME writes a Xing header with the frame count (and the encoder delay in its LAME tag).
ff -i "$src" -c:a libmp3lame -q:a 6 "${exact[@]}" "$out/speech-vbr.mp3"
ff -i "$src" -c:a flac "${exact[@]}" "$out/speech.flac"
ff -i "$src" -c:a libopus -b:a 24k "${exact[@]}" "$out/speech.opus"
ff -i "$src" -c:a libvorbis -q:a 0 "${exact[@]}" "$out/speech.ogg"
ff -i "$src" -c:a libopus -b:a 24k "${exact[@]}" "$out/speech.webm"
# Without +faststart ffmpeg writes the moov box after mdat: the probe must find it at the end.
ff -i "$src" -c:a aac -b:a 32k "${exact[@]}" "$out/speech.m4a"
ff -i "$src" -c:a aac -b:a 32k "${exact[@]}" -f adts "$out/speech.aac"

# About 12 s, so its Ogg pages extend well past the first kilobytes.
ff -i "$work/long.wav" "${pcm16k[@]}" -c:a libopus -b:a 16k "${exact[@]}" "$out/long.opus"
ff -i "$work/long.wav" "${pcm16k[@]}" -c:a libmp3lame -b:a 24k -write_xing 0 "${exact[@]}" "$out/long-cbr.mp3"

files=(speech.wav hebrew.wav speech-extensible.wav speech-cbr.mp3 speech-vbr.mp3 speech.flac speech.opus
  speech.ogg speech.webm speech.m4a speech.aac long.opus long-cbr.mp3)

{
  echo '{'
  for i in "${!files[@]}"; do
    file="${files[$i]}"
    duration="$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$out/$file")"
    separator=','
    [[ $i -eq $((${#files[@]} - 1)) ]] && separator=''
    printf '  "%s": %s%s\n' "$file" "$duration" "$separator"
  done
  echo '}'
} >"$out/durations.json"

# ffprobe's format duration of a raw ADTS stream is itself an estimate from the bitrate; its
# packet count (one AAC frame of 1024 samples per packet) gives the exact reference.
read -r rate packets < <(ffprobe -v error -select_streams a:0 -count_packets \
  -show_entries stream=sample_rate,nb_read_packets -of csv=p=0 "$out/speech.aac" | tr ',' ' ')
printf '{\n  "speech.aac": %s\n}\n' "$(awk -v p="$packets" -v r="$rate" 'BEGIN { printf "%.6f", p * 1024 / r }')" \
  >"$out/adts-frame-durations.json"

du -ch "$out"/* | tail -n 1
