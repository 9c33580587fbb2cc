#!/usr/bin/env bash
# An installation, not a build tree (issue 13): `cmake --install` to a temporary prefix, then,
# with the build and source trees hidden (an empty tmpfs mounted over each in a private mount
# namespace), the installed vardval pays the README demo from another folder and finds its
# plugins, config and regions beside itself.
# Usage: install_test.sh CMAKE BUILD_DIR SOURCE_DIR
set -euo pipefail
cmake=$1
build=$(cd "$2" && pwd)
src=$(cd "$3" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
fail() { echo "FAIL: $*" >&2; exit 1; }

"$cmake" --install "$build" --prefix "$prefix" > "$work/install.log" || fail "install: $(cat "$work/install.log")"
for file in bin/vardval lib/libvardval_core.so share/vardval/config/vardval.yaml \
    share/vardval/regions/jamtland-harjedalen/2020.yaml share/man/man1/vardval.1 \
    share/bash-completion/completions/vardval; do
    [ -s "$prefix/$file" ] || fail "$file not installed"
done
[ "$(ls "$prefix"/lib/vardval/plugins/*.so | wc -l)" = "$(ls "$build"/lib/vardval/plugins/*.so | wc -l)" ] \
    || fail "not every plugin installed"
# Nothing installed points back into the build or source tree: RUNPATHs are relative.
for file in "$prefix/bin/vardval" "$prefix"/lib/vardval/plugins/*.so; do
    runpath=$(readelf -d "$file" | sed -n 's/.*(RUNPATH).*\[\(.*\)\]/\1/p')
    [[ $runpath == '$ORIGIN/'* ]] || fail "$file has RUNPATH '$runpath'"
done

# The checks below run with the build and source trees out of reach when the kernel lets us
# make a private mount namespace; without one (some containers), they run in plain sight and
# the RUNPATH check above is what shows the installation stands alone.
mkdir -p "$work/elsewhere"
cat > "$work/checks.sh" <<'EOF'
set -euo pipefail
prefix=$1 build=$2 src=$3 hide=$4
fail() { echo "FAIL: $*" >&2; exit 1; }
if [ "$hide" = yes ]; then
    mount -t tmpfs none "$build"
    [ -d "$src" ] && mount -t tmpfs none "$src"
    [ ! -e "$build/bin/vardval" ] && [ ! -e "$src/CMakeLists.txt" ] || fail "build tree still visible"
fi
cd "$(dirname "$prefix")/elsewhere"
vardval=$prefix/bin/vardval
# The README demo, as an installed user runs it: the default database is vardval.db here.
"$vardval" run --sample --region jamtland-harjedalen --year 2020 --period 2020-02 > demo.txt 2> demo.err \
    || fail "demo exited $?: $(cat demo.err)"
# Total of the 25 units on the shipped sample: the listed-based parts 5 015 981,55 kr, less
# the kostnadsansvar the sample's unit-values-2020-02.csv reports (the seven *_cost_kr
# measures, 2 575 490 kr in all) and the opening-hours penalty (bracke and jarpen 3 weeks
# each, 2 × 30 000 kr): 5 015 981,55 − 2 575 490 − 60 000 = 2 380 491,55 kr.
grep -Eq "^Summa \(25 enheter\) .* 2 380 491,55$" demo.txt || fail "demo total: $(tail -3 demo.txt)"
grep -q "^EXEMPELDATA: " demo.txt || fail "demo does not say it is sample data"
grep -q "$prefix/share/vardval/regions/jamtland-harjedalen/2020.yaml" demo.txt \
    || fail "model not read from the installation: $(tail -1 demo.txt)"
[ -f vardval.db ] || fail "the default database is not in the current folder"
"$vardval" --version > version.txt
grep -q "^vardval [0-9]" version.txt && grep -q "^plugins ($prefix/lib/vardval/plugins):" version.txt \
    && grep -q "^  capitation " version.txt || fail "--version: $(cat version.txt)"
"$vardval" regions | grep -q "^vastmanland " || fail "regions not found"
# Without the installed config, the built-in defaults (the same layout) still work; a
# --config that does not exist is an error.
rm "$prefix/share/vardval/config/vardval.yaml"
"$vardval" validate --region vastmanland --year 2022 > /dev/null || fail "validate without a config"
code=0
"$vardval" --config "$prefix/share/vardval/config/vardval.yaml" regions 2> err.txt || code=$?
[ "$code" = 1 ] && grep -q "no such file" err.txt || fail "a missing --config: exit $code, $(cat err.txt)"
echo "installed vardval: ok (build tree hidden: $hide)"
EOF
if unshare --mount --map-root-user mount -t tmpfs none "$work/elsewhere" 2> /dev/null; then
    unshare --mount --map-root-user bash "$work/checks.sh" "$prefix" "$build" "$src" yes
else
    bash "$work/checks.sh" "$prefix" "$build" "$src" no
fi
# The man page renders.
if command -v groff > /dev/null; then
    groff -k -man -Tutf8 -P-cbou "$prefix/share/man/man1/vardval.1" | grep -q "GLOBAL OPTIONS" || fail "man page"
fi
