#!/usr/bin/env bash
# Regenerates the icons in this folder: the per-service icons with ImageMagick (Debian package
# "imagemagick"), the application icon's hicolor sizes (hicolor/<n>x<n>/tenantdesk.png, installed
# beside tenantdesk.svg) from tenantdesk.svg with rsvg-convert (Debian package "librsvg2-bin").
# The PNGs are committed: the build does not run this script. Qt reads PNG without any plugin,
# whereas SVG needs the qt6-svg image plugin, which TenantDesk does not depend on.
# Shapes: the per-service icons are flat shapes with one white letter; Kinto and REST are
# rounded squares, Jamf Pro and Kandji circles, so two "K"s still tell apart by shape and colour.
set -euo pipefail
cd "$(dirname "$0")"
convert=/usr/bin/convert   # ImageMagick itself, not a wrapper earlier on PATH

square() { # name colour letter size
    local s=$4 r=$(( $4 / 5 )) m=$(( $4 / 32 ))
    "$convert" -size "${s}x${s}" xc:none -fill "$2" \
        -draw "roundrectangle $m,$m $((s - 1 - m)),$((s - 1 - m)) $r,$r" \
        -fill white -font DejaVu-Sans-Bold -pointsize $(( s * 5 / 8 )) -gravity center \
        -annotate +0+0 "$3" -strip "PNG32:$1.png"
}

circle() { # name colour letter size
    local s=$4 m=$(( $4 / 32 ))
    "$convert" -size "${s}x${s}" xc:none -fill "$2" \
        -draw "circle $((s / 2)),$((s / 2)) $((s / 2)),$m" \
        -fill white -font DejaVu-Sans-Bold -pointsize $(( s * 9 / 16 )) -gravity center \
        -annotate +0+0 "$3" -strip "PNG32:$1.png"
}

square kinto '#ef6c00' K 64
circle jamf '#37474f' J 64
circle kandji '#2e7d32' K 64
square rest '#6a1b9a' R 64

for n in 16 24 32 48 64 128 256 512; do
    mkdir -p "hicolor/${n}x${n}"
    rsvg-convert -w "$n" -h "$n" tenantdesk.svg -o "hicolor/${n}x${n}/tenantdesk.png"
done

# The same icon for the other systems' packages (docs/packaging.md): a Windows .ico (ImageMagick)
# and a macOS .icns (png2icns, Debian package "icnsutils"), both from the hicolor PNGs.
"$convert" hicolor/{16x16,24x24,32x32,48x48,64x64,128x128,256x256}/tenantdesk.png tenantdesk.ico
png2icns tenantdesk.icns hicolor/{16x16,32x32,48x48,128x128,256x256,512x512}/tenantdesk.png >/dev/null
