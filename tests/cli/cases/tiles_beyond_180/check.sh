# Longitudes beyond 180° (as datasets write them to stay continuous across the antimeridian) are brought
# back into range: the polygon drawn from 170° to 190° is split at 180° into its two halves, at both
# edges of the world; the line at 200°-210° lands at -160°..-150°. Nothing is drawn in between.
set -e
"$KURIL" check-tiles xyz > /dev/null
# z4: 16 columns of 22.5°; 170°-180° is column 15, -180°..-170° column 0, -160°..-150° column 1.
test "$(ogrinfo -ro -al -q xyz/4/15/5.pbf | grep -c POLYGON)" -ge 1
test "$(ogrinfo -ro -al -q xyz/4/0/5.pbf | grep -c POLYGON)" -ge 1
test "$(ogrinfo -ro -al -q xyz/4/1/4.pbf | grep -c LINESTRING)" -ge 1
for x in $(ls xyz/4); do
  case $x in 0|1|15) ;; *) echo "z4: column $x drawn"; exit 1 ;; esac
done
