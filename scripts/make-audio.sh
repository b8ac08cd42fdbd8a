#!/usr/bin/env bash
# make-audio.sh — synthesizes Noor's own licence-clean (CC0-1.0) background
# audio beds with nothing but ffmpeg, into compositions/audio/assets/:
#
#   ambience-night-air.m4a    non-instrumental: soft, dark night air + faint room tone
#   ambience-desert-wind.m4a  non-instrumental: brighter, gusty desert wind with sand hiss
#   pad-serene.m4a            instrumental: warm D major pad (Dadd9 <-> G/D), slow swells
#   pad-reflective.m4a        instrumental: dark A minor pad (Am <-> Dm/A), slow swells
#
# Every track is one loop of 2,880,512 samples (60.0107 s), 48 kHz stereo AAC
# (112 kb/s), about -20 LUFS integrated with true peak well under -1 dBTP, and
# loops seamlessly. No samples, recordings or third-party material are used:
# the sources are ffmpeg's seeded noise generator (anoisesrc) and sine
# expressions (aevalsrc).
#
# Why 2,880,512 samples and not exactly 60 s: that is exactly 2813 AAC frames
# of 1024 samples. AAC can only store whole frames; with 60 s (2812.5 frames)
# the encoder pads the last frame and decoders (ffmpeg 5.1 and 7.1 both checked)
# play those 512 padding samples, which puts a ~10 ms drop-out and a click at
# the loop point. A whole number of frames leaves no padding, so the decoded
# file ends exactly where the loop period ends.
#
# Why the AAC is cut out of a longer encode: an encoder that starts (or stops)
# on a loud signal sees a jump from/to silence there, and its quantisation
# noise around that jump is a click at the loop point even though the PCM loops
# perfectly. So three periods are encoded back to back and the packets of the
# middle period (plus the one before it, which decoders drop as the usual 1024
# priming samples, via the MP4 edit list) are copied out unchanged: both ends
# are then coded with the neighbouring period as context, just as the middle
# of the file is. The movie timescale is set to the sample rate so that the
# edit list states the length to the exact sample.
#
# How the seamless loop works: every source is made exactly periodic with
# period P = 2880512/48000 s — noise is P seconds of seeded noise repeated with
# aloop, tone frequencies are integer multiples of 1/P Hz, and every
# LFO/envelope makes a whole number of cycles per P. The filters
# (lowpass/bandpass/aecho: linear, time-invariant) and the periodic gain
# envelopes run over three periods and only the third is kept, after filter and
# echo transients have died away. What is kept is therefore one whole period
# of a periodic signal: its last sample runs straight into its first, with no
# crossfade needed, and loudness is set with a constant gain so it stays so.
#
# Output is deterministic (seeded noise, fixed expressions, bitexact muxing):
# rerunning with the same ffmpeg build gives byte-identical files. A different
# ffmpeg version may produce slightly different bytes (AAC encoder changes).
#
# Usage: bash scripts/make-audio.sh   (ffmpeg/ffprobe with the native aac encoder;
#        about two minutes; overwrites the four files, prints loudness and
#        true peak, and fails if a file is off length or out of spec)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/compositions/audio/assets"
SR=48000
N=2880512                      # samples per loop period = 2813 AAC frames (60.0107 s)
CYC="t*$SR/$N"                 # time measured in loop periods, for expressions
SRC_SEC=61                     # source length before looping (>= N / SR)
KEEP_FROM=$((2 * N))           # keep the third period
KEEP_TO=$((3 * N))
TARGET_LUFS=-20
PACKETS=$((N / 1024 + 1))      # AAC packets per file: priming packet + 2813
COPY_FROM=$(awk -v n="$N" -v sr="$SR" 'BEGIN { printf "%.6f", (n - 1024) / sr - 0.00001 }')
BITRATE=112k

for tool in ffmpeg ffprobe awk; do
  command -v "$tool" >/dev/null || { echo "make-audio: $tool not found" >&2; exit 1; }
done
mkdir -p "$OUT"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

FF=(ffmpeg -hide_banner -nostdin -loglevel error -y)

# --- expression helpers -------------------------------------------------------

# lfo K PHASE: a 0..1 raised sine making K whole cycles per loop period.
lfo() { printf '(0.5+0.5*sin(2*PI*%s*%s+%s))' "$1" "$CYC" "$2"; }

# partials M PHASE: soft, saw-ish tone at M cycles per period, i.e. M/P Hz
# (fundamental + a few weak harmonics, all whole cycles per period).
partials() {
  local w="2*PI*$1*$CYC"
  printf '(sin(%s+%s)+0.28*sin(2*%s+%s)+0.1*sin(3*%s+%s)+0.04*sin(4*%s+%s))' \
    "$w" "$2" "$w" "$2" "$w" "$2" "$w" "$2"
}

# voice HZ AMP ENV CHANNEL: one chord tone as two gently detuned oscillators
# (a slow chorus), detuned the other way round on the right channel for width.
# The frequency is rounded to a whole number of cycles per period (<0.01 Hz off).
voice() {
  local hz=$1 amp=$2 env=$3 ch=$4 m
  m=$(awk -v f="$hz" -v n="$N" -v sr="$SR" 'BEGIN { printf "%d", f * n / sr + 0.5 }')
  if [[ $ch == L ]]; then
    printf '%s*%s*(%s+%s)' "$amp" "$env" "$(partials $((m - 5)) 0.3)" "$(partials $((m + 3)) 1.9)"
  else
    printf '%s*%s*(%s+%s)' "$amp" "$env" "$(partials $((m + 5)) 2.4)" "$(partials $((m - 3)) 4.1)"
  fi
}

# --- rendering ----------------------------------------------------------------

# render NAME GRAPH: GRAPH is a filtergraph whose final output pad is [mix]
# (stereo, periodic with period N samples). Keeps one period after the
# transients, normalises loudness to TARGET_LUFS with a plain gain (so the
# loop stays exact), encodes AAC with loop context at both ends (see the
# header) and moves the result into place only once it checks out.
render() {
  local name=$1 graph=$2 wav="$TMP/$1.wav" out="$TMP/$1.m4a" lufs gain
  echo "make-audio: $name"
  "${FF[@]}" -filter_complex \
    "$graph;[mix]atrim=start_sample=$KEEP_FROM:end_sample=$KEEP_TO,asetpts=PTS-STARTPTS,aformat=sample_fmts=flt:sample_rates=$SR:channel_layouts=stereo[out]" \
    -map '[out]' -c:a pcm_f32le "$wav"
  lufs=$(integrated_lufs "$wav")
  [[ -n $lufs ]] || { echo "make-audio: could not measure the loudness of $name" >&2; exit 1; }
  gain=$(awk -v i="$lufs" -v t="$TARGET_LUFS" 'BEGIN { printf "%.2f", t - i }')
  # Encode three periods back to back (sample-exact loop of the WAV)...
  "${FF[@]}" -stream_loop 2 -i "$wav" -af "volume=${gain}dB" \
    -c:a aac -b:a "$BITRATE" -ar "$SR" -ac 2 \
    -fflags +bitexact -flags:a +bitexact -map_metadata -1 "$TMP/$name.x3.m4a"
  # ...and copy out the middle period's packets, starting one packet early
  # (pts N-1024) and shifting timestamps by -1024 so that first packet becomes
  # the priming packet that the edit list tells decoders to skip.
  "${FF[@]}" -i "$TMP/$name.x3.m4a" -c copy -ss "$COPY_FROM" -frames:a "$PACKETS" \
    -bsf:a setts=ts=TS-1024 -movie_timescale "$SR" \
    -fflags +bitexact -flags:a +bitexact -map_metadata -1 -movflags +faststart \
    "$out"
  check_length "$out"
  mv -f "$out" "$OUT/$name.m4a"
}

# check_length FILE: the file must hold exactly N samples after the edit list.
check_length() {
  local got
  got=$(ffprobe -v error -select_streams a:0 -show_entries stream=duration_ts -of csv=p=0 "$1")
  if [[ $got != "$N" ]]; then
    echo "make-audio: $(basename "$1") is $got samples long, expected $N" >&2
    exit 1
  fi
}

# integrated_lufs FILE -> integrated loudness (LUFS) from ffmpeg's ebur128 summary.
integrated_lufs() {
  ffmpeg -hide_banner -nostdin -nostats -i "$1" -af ebur128 -f null - 2>&1 |
    awk '/Integrated loudness:/ { s = 1 } s && /I:/ && i == "" { i = $2 } END { print i }'
}

# report FILE: prints integrated loudness and true peak of a finished file;
# fails if the loudness is more than 1 LU off target or the true peak is above
# -1 dBTP.
report() {
  ffmpeg -hide_banner -nostdin -nostats -i "$1" -af ebur128=peak=true -f null - 2>&1 |
    awk -v f="$(basename "$1")" -v t="$TARGET_LUFS" '
      /Integrated loudness:/ { s = 1 }
      s && /I:/    { i = $2 }
      s && /Peak:/ { p = $2 }
      END {
        printf "  %-28s %6s LUFS  %6s dBTP\n", f, i, p
        if (i == "" || p == "" || i - t > 1 || t - i > 1 || p > -1) { print "make-audio: " f " is out of spec" > "/dev/stderr"; exit 1 }
      }'
}

# Stereo, periodic noise: two seeded mono generators (L, R) joined and
# looped. noise LABEL COLOUR SEED_L SEED_R
noise() {
  printf 'anoisesrc=d=%s:c=%s:seed=%s:r=%s[%s_l];anoisesrc=d=%s:c=%s:seed=%s:r=%s[%s_r];[%s_l][%s_r]join=inputs=2:channel_layout=stereo,aloop=loop=-1:size=%s' \
    "$SRC_SEC" "$2" "$3" "$SR" "$1" "$SRC_SEC" "$2" "$4" "$SR" "$1" "$1" "$1" "$N"
}

# Stereo envelope source (periodic), for amultiply. envelope EXPR_L EXPR_R
envelope() { printf "aevalsrc=exprs='%s|%s':s=%s:c=stereo:d=%s" "$1" "$2" "$SR" $((3 * SRC_SEC)); }

# --- ambience-night-air: soft dark air, slow swells, faint room tone ----------
# Three noise bands (low body, breathy mid, faint air) each with its own slow
# swell (1 to 5 cycles per loop, L and R out of phase so the air drifts across
# the stereo field), plus a constant, very quiet low room tone.
night_air() {
  local eb_l eb_r em_l em_r ea_l ea_r
  eb_l="(0.55+0.45*$(lfo 1 0)*$(lfo 3 1.1))";  eb_r="(0.55+0.45*$(lfo 1 0.6)*$(lfo 3 2.3))"
  em_l="(0.35+0.65*$(lfo 3 0.4)*$(lfo 2 2.0))"; em_r="(0.35+0.65*$(lfo 3 1.6)*$(lfo 2 2.9))"
  ea_l="(0.25+0.75*$(lfo 5 0.9)*$(lfo 4 0.2))"; ea_r="(0.25+0.75*$(lfo 5 2.5)*$(lfo 4 1.4))"
  render ambience-night-air "\
$(noise nb pink 1101 1102),highpass=f=70,highpass=f=70,lowpass=f=420[body];
$(envelope "$eb_l" "$eb_r")[ebody];[body][ebody]amultiply[b];
$(noise nm pink 1201 1202),bandpass=f=700:width_type=q:w=0.7,lowpass=f=1800[mid];
$(envelope "$em_l" "$em_r")[emid];[mid][emid]amultiply[m];
$(noise na pink 1301 1302),bandpass=f=1700:width_type=q:w=0.6,lowpass=f=3500,lowpass=f=5000[air];
$(envelope "$ea_l" "$ea_r")[eair];[air][eair]amultiply[a];
$(noise nr brown 1401 1402),highpass=f=35,lowpass=f=150,lowpass=f=150[r];
[b][m][a][r]amix=inputs=4:weights=0.5 0.7 0.3 0.12:normalize=0:duration=shortest[mix]"
}

# --- ambience-desert-wind: brighter, gustier wind with sand hiss -------------
# Gust envelopes are products of raised sines with 7, 11, 13 and 17 cycles per
# loop: irregular-sounding gusts of a few seconds that still repeat exactly
# once per loop. Bright bands and a high "sand" hiss follow the gusts more deeply
# than the low body does.
desert_wind() {
  local g_l g_r eb_l eb_r eh_l eh_r es_l es_r
  g_l="($(lfo 7 0.3)*$(lfo 11 1.7)*(0.6+0.4*$(lfo 2 0.5)))"
  g_r="($(lfo 7 0.9)*$(lfo 13 2.6)*(0.6+0.4*$(lfo 2 1.3)))"
  eb_l="(0.5+0.5*$(lfo 7 0.3)*(0.6+0.4*$(lfo 3 0.1)))"; eb_r="(0.5+0.5*$(lfo 7 0.9)*(0.6+0.4*$(lfo 3 1.2)))"
  eh_l="(0.2+0.8*$g_l)"; eh_r="(0.2+0.8*$g_r)"
  es_l="(0.08+0.92*$g_l*$g_l*$(lfo 17 0.4))"; es_r="(0.08+0.92*$g_r*$g_r*$(lfo 17 2.2))"
  render ambience-desert-wind "\
$(noise db pink 2101 2102),highpass=f=60,lowpass=f=600[body];
$(envelope "$eb_l" "$eb_r")[ebody];[body][ebody]amultiply[b];
$(noise dh pink 2201 2202),bandpass=f=1300:width_type=q:w=0.6,equalizer=f=2600:width_type=q:w=0.8:g=4[high];
$(envelope "$eh_l" "$eh_r")[ehigh];[high][ehigh]amultiply[h];
$(noise ds white 2301 2302),highpass=f=3500,highpass=f=3500,lowpass=f=9000,lowpass=f=11000[sand];
$(envelope "$es_l" "$es_r")[esand];[sand][esand]amultiply[s];
[b][h][s]amix=inputs=3:weights=0.8 1 0.1:normalize=0:duration=shortest[mix]"
}

# --- pads -----------------------------------------------------------------------
# pad NAME LOWPASS_HZ COMMON_TONES CHORD_A_TONES CHORD_B_TONES
# Tones are "HZ:AMP" pairs. Common tones sustain with a gentle swell; chord A is
# loudest at the start and chord B half-way (a raised-cosine crossfade over
# the whole loop), so the pad breathes slowly between two voicings with a long attack.
pad() {
  local name=$1 lp=$2 common=$3 chord_a=$4 chord_b=$5 ch expr tone hz amp i envs
  local -A side
  envs=("(0.7+0.3*$(lfo 2 4.4))" "(0.7+0.3*$(lfo 3 0.8))" "(0.7+0.3*$(lfo 1 2.2))" "(0.7+0.3*$(lfo 4 5.1))")
  for ch in L R; do
    expr="0"; i=0
    for tone in $common; do
      hz=${tone%%:*}; amp=${tone##*:}
      expr+="+$(voice "$hz" "$amp" "${envs[i % 4]}" "$ch")"; i=$((i + 1))
    done
    for tone in $chord_a; do
      hz=${tone%%:*}; amp=${tone##*:}
      expr+="+$(voice "$hz" "$amp" "(0.5+0.5*cos(2*PI*$CYC))" "$ch")"
    done
    for tone in $chord_b; do
      hz=${tone%%:*}; amp=${tone##*:}
      expr+="+$(voice "$hz" "$amp" "(0.5-0.5*cos(2*PI*$CYC))" "$ch")"
    done
    side[$ch]=$expr
  done
  # Tones are generated for one period and looped; the lowpass, highpass and
  # multi-tap echo (a sparse, soft space) then run over three periods. The
  # volume=1/16 gives headroom first: aecho clips its output at +-1 (even for
  # float), and the summed voices can reach about +-8 at beating peaks.
  render "$name" "\
aevalsrc=exprs='${side[L]}|${side[R]}':s=$SR:c=stereo:d=$SRC_SEC,aloop=loop=-1:size=$N,\
highpass=f=45,lowpass=f=$lp,lowpass=f=$((lp * 2)),volume=0.0625,\
aecho=0.7:0.8:97|173|291|467|733:0.35|0.28|0.22|0.16|0.1[mix]"
}

night_air
desert_wind
# D major: D2/D3/A3 pedal; Dadd9 (F#4 A4 E5) <-> G/D (G4 B4 D5).
pad pad-serene 1500 \
  "73.42:0.55 146.83:0.5 220.00:0.4" \
  "369.99:0.3 440.00:0.24 659.26:0.1" \
  "392.00:0.3 493.88:0.24 587.33:0.12"
# A minor: A1/A2/E3 pedal; Am (C4 E4 A4) <-> Dm/A (D4 F4 A4).
pad pad-reflective 1000 \
  "55.00:0.5 110.00:0.5 164.81:0.3" \
  "261.63:0.32 329.63:0.26 440.00:0.1" \
  "293.66:0.32 349.23:0.26 440.00:0.1"

echo "make-audio: done — loudness check (ebur128):"
for name in ambience-night-air ambience-desert-wind pad-serene pad-reflective; do
  report "$OUT/$name.m4a"
done
