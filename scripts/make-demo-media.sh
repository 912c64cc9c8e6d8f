#!/usr/bin/env bash
# Regenerates the media of the built-in demo service (app/demo/demoservice.*) into resources/demo/:
#   source.mp4  the sample "source" video: a blue-sky gradient, a moving test pattern, a caption
#   result.mp4  the same scene with a purple background: the "remixed" result of the seed prompt
#               "让这个视频背景变成紫色" (make the background purple)
#   source.jpg, result.jpg   320 px wide thumbnails of both
# The files are committed; building the app never needs ffmpeg. This is a development-time tool:
#   sudo apt-get install -y --no-install-recommends ffmpeg fonts-dejavu-core
# The videos are 4 s, 480x270, 24 fps, H.264 constrained baseline, yuv420p, +faststart, no audio,
# so that any player (and QtMultimedia's backends) can open them; each stays well under 150 KB.
# The output is byte-for-byte reproducible with the same ffmpeg/x264 (fixed seed, one thread, bitexact).
set -euo pipefail
cd "$(dirname "$0")/.."

out=resources/demo
font=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
seconds=4
size=480x270
fps=24

if ! command -v ffmpeg >/dev/null 2>&1; then
    echo "make-demo-media: ffmpeg is not installed (apt-get install ffmpeg)" >&2
    exit 1
fi
mkdir -p "$out"

# drawtext needs a font file; without one the videos are made without captions. Captions must not
# contain ':' or quotes (they would need filtergraph escaping).
caption() { # caption TEXT Y FONTSIZE
    if [[ -f "$font" ]]; then
        printf ",drawtext=fontfile=%s:text='%s':fontcolor=white:fontsize=%s:borderw=2:bordercolor=black@0.6:x=(w-text_w)/2:y=%s" \
            "$font" "$1" "$3" "$2"
    fi
}

# make_video NAME COLOR0 COLOR1 LABEL: a gradient background (the part a remix recolours), a small
# test pattern gliding across it (the "subject", unchanged by the remix) and the captions.
make_video() {
    local name=$1 c0=$2 c1=$3 label=$4
    local filter
    filter="[0:v]format=yuv420p[bg];[1:v]scale=160:90,format=yuv420p[fg];"
    filter+="[bg][fg]overlay=x='40+(W-240)*t/${seconds}':y=(H-h)/2+30*sin(2*PI*t/${seconds}):shortest=1"
    filter+="$(caption 'Video Remix demo' 24 26)$(caption "$label" 'h-44' 18)"
    filter+=",format=yuv420p[v]"
    ffmpeg -hide_banner -loglevel error -y \
        -f lavfi -i "gradients=s=${size}:r=${fps}:d=${seconds}:c0=${c0}:c1=${c1}:n=2:x0=0:y0=0:x1=480:y1=270:speed=0.02:seed=1" \
        -f lavfi -i "testsrc2=s=320x180:r=${fps}:d=${seconds}" \
        -filter_complex "$filter" -map '[v]' -an \
        -c:v libx264 -threads 1 -profile:v baseline -level 3.0 -pix_fmt yuv420p -preset veryslow -crf 30 \
        -g $((fps * 2)) -movflags +faststart -map_metadata -1 -fflags +bitexact -flags:v +bitexact \
        -metadata title="Video Remix demo (${name})" \
        "$out/${name}.mp4"
    # The thumbnail: the frame at 1 s, 320 px wide.
    ffmpeg -hide_banner -loglevel error -y -ss 1 -i "$out/${name}.mp4" -frames:v 1 \
        -vf scale=320:-2 -q:v 4 -fflags +bitexact "$out/${name}.jpg"
}

make_video source '0x1e6fd9' '0x7fd3f5' 'sample source video'
make_video result '0x4b1482' '0xb36ee6' 'remix result - purple background'

for file in "$out"/source.mp4 "$out"/result.mp4 "$out"/source.jpg "$out"/result.jpg; do
    bytes=$(stat -c %s "$file")
    echo "$file: $bytes bytes"
    if [[ "$file" == *.mp4 && $bytes -gt 153600 ]]; then
        echo "make-demo-media: $file is larger than 150 KB; raise -crf" >&2
        exit 1
    fi
done
