#!/usr/bin/env bash
# The test runner tested (`vardval test`): a deliberately wrong expectation fails (exit 8) with
# expected vs got; an unknown key in a test file is refused (exit 2) with file:line and a
# "did you mean"; a rejected input row and an unknown component fail the test, naming the
# test file's line. Usage: office_test_runner_test.sh path/to/vardval SOURCE_DIR
set -euo pipefail
vardval=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# A region folder of our own holding the shipped JH 2020 model and its tests.
region="$work/regions/jamtland-harjedalen"
mkdir -p "$region/tests"
cp "$src/regions/jamtland-harjedalen/region.yaml" "$src/regions/jamtland-harjedalen/2020.yaml" "$region/"
tests="$src/regions/jamtland-harjedalen/tests/2020/listed_based.yaml"
grep -q '      listed_age: 3219.56$' "$tests" || fail "the shipped expectation changed; update this script"

# The shipped tests pass as they are (exit 0), in the copy too.
cp "$tests" "$region/tests/good.yaml"
"$vardval" test "$region/tests/good.yaml" > "$work/out.txt" || fail "shipped tests fail: $(cat "$work/out.txt")"
grep -q '^3 tests: 3 passed, 0 failed$' "$work/out.txt" || fail "summary: $(cat "$work/out.txt")"
rm "$region/tests/good.yaml"

# A wrong expectation (one öre off) fails: exit 8, the line, expected and got.
sed 's/      listed_age: 3219.56$/      listed_age: 3219.57/' "$tests" > "$region/tests/wrong.yaml"
line=$(grep -n 'listed_age: 3219.57' "$region/tests/wrong.yaml" | cut -d: -f1)
set +e
"$vardval" test "$work/regions" > "$work/out.txt" 2> "$work/err.txt"
code=$?
set -e
[ "$code" = 8 ] || fail "wrong expectation: exit $code, not 8: $(cat "$work/out.txt" "$work/err.txt")"
grep -q "^FAIL .*wrong.yaml:11: four listed" "$work/out.txt" || fail "no FAIL line: $(cat "$work/out.txt")"
grep -q "wrong.yaml:$line: hallen listed_age: expected 3219.57 kr, got 3219.56 kr (difference -0.01 kr)" \
    "$work/out.txt" || fail "no expected vs got: $(cat "$work/out.txt")"
grep -q '^3 tests: 2 passed, 1 failed$' "$work/out.txt" || fail "summary: $(cat "$work/out.txt")"
rm "$region/tests/wrong.yaml"

# An amount in öre is read as such; a test whose model reads data it does not give fails,
# naming the test.
cat > "$region/tests/names.yaml" <<'YAML'
- name: the reference visits are missing
  model: 2020
  period: 2020-02
  units: [hallen]
  data:
    listing:
      - {person_id: A, unit: hallen, birth_date: 1980-01-01, sex: F, distance_km: 1, cni_over65_alone: 0, cni_foreign_born: 0, cni_unemployed: 0, cni_single_parent: 0, cni_moved_in: 0, cni_low_education: 0, cni_under5: 0}
  expect:
    hallen:
      sparsity: {ore: 0}
YAML
set +e
"$vardval" test "$region/tests/names.yaml" > "$work/out.txt" 2>&1
code=$?
set -e
[ "$code" = 8 ] || fail "missing data: exit $code: $(cat "$work/out.txt")"
grep -q "names.yaml:1: the model reads data the test does not give" "$work/out.txt" \
    || fail "missing data not named: $(cat "$work/out.txt")"
rm "$region/tests/names.yaml"

# A component the run does not have fails with a "did you mean"; the rest still pass.
sed '0,/      sparsity: 50.00$/s//      sparsty: 50.00/' "$tests" > "$region/tests/names.yaml"
line=$(grep -n 'sparsty: 50.00' "$region/tests/names.yaml" | cut -d: -f1)
set +e
"$vardval" test "$region/tests/names.yaml" > "$work/out.txt" 2>&1
code=$?
set -e
[ "$code" = 8 ] || fail "unknown component: exit $code: $(cat "$work/out.txt")"
grep -q "names.yaml:$line: hallen sparsty: no component 'sparsty' in the run (did you mean 'sparsity'?)" \
    "$work/out.txt" || fail "unknown component not named: $(cat "$work/out.txt")"
grep -q '^3 tests: 2 passed, 1 failed$' "$work/out.txt" || fail "summary: $(cat "$work/out.txt")"
rm "$region/tests/names.yaml"

# A rejected row fails the test at the row's line in the test file.
sed 's/birth_date: 1977-06-15, sex: F/birth_date: 1977-06-15, sex: X/' "$tests" > "$region/tests/reject.yaml"
line=$(grep -n 'sex: X' "$region/tests/reject.yaml" | cut -d: -f1)
set +e
"$vardval" test "$region/tests/reject.yaml" > "$work/out.txt" 2>&1
code=$?
set -e
[ "$code" = 8 ] || fail "rejected row: exit $code: $(cat "$work/out.txt")"
grep -q "reject.yaml:$line: data.listing 2020-02: row rejected: " "$work/out.txt" \
    || fail "rejected row not located: $(cat "$work/out.txt")"
rm "$region/tests/reject.yaml"

# An unknown key is refused before anything runs: exit 2, file:line, did you mean.
sed 's/^  expect:$/  expected:/' "$tests" > "$region/tests/typo.yaml"
line=$(grep -n '^  expected:$' "$region/tests/typo.yaml" | head -1 | cut -d: -f1)
set +e
"$vardval" test "$region/tests" > "$work/out.txt" 2> "$work/err.txt"
code=$?
set -e
[ "$code" = 2 ] || fail "unknown key: exit $code, not 2: $(cat "$work/out.txt" "$work/err.txt")"
grep -q "typo.yaml:$line:3: expected: unknown key 'expected' (did you mean 'expect'?)" "$work/err.txt" \
    || fail "unknown key not named with file:line: $(cat "$work/err.txt")"
[ ! -s "$work/out.txt" ] || fail "tests ran despite an invalid test file: $(cat "$work/out.txt")"

# An amount with three decimals is not money: refused the same way.
sed 's/      drugs: 305.28$/      drugs: 305.281/' "$tests" > "$region/tests/typo.yaml"
set +e
"$vardval" test "$region/tests" > /dev/null 2> "$work/err.txt"
code=$?
set -e
[ "$code" = 2 ] || fail "three decimals: exit $code"
grep -q "typo.yaml:[0-9]*:[0-9]*: expect.hallen.drugs: not an amount" "$work/err.txt" \
    || fail "bad amount not named: $(cat "$work/err.txt")"

echo "office test runner ok"
