// A copy of ../shared/peers/national/genpsy.c, so tools/bench/national.sh runs without it.
// Synthetic psychiatric contacts in vardval's format for Region Jämtland Härjedalen's units:
// person_id,unit,contact_date,contact_type,profession,diagnosis_group,score
// Proportions follow regions/jamtland-harjedalen/sample/psychiatry-2024-01.csv: about 3.5
// contacts per person, 1.34 units per person, 2.6 contacts per person and unit; contact dates
// 2023-01-01..2024-01-31 (the extract of month 2024-01), no duplicate contacts.
// usage: ./genpsy ROWS > psychiatry-2024-01.csv
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
static uint64_t s = 88172645463325252ULL;
static inline uint64_t xr(void) { s ^= s << 13; s ^= s >> 7; s ^= s << 17; return s; }
static const char *U[] = {"vuxenpsykiatri-ostersund","bup-ostersund","psykhalsa-soder","psykiatri-sveg",
 "psykhalsa-norr","froson","ostersund","z-grand","odensala","torvalla","lugnvik","krokom","ripan","are",
 "brunflo","stromsund","sveg","lit","fjallhalsan","bracke","jarpen","backe","svenstavik","hammarstrand",
 "funasdalen","hoting","offerdal","gaddede","bispgarden","hallen"};
static const int UW[] = {4142,854,496,404,401,276,263,254,252,241,210,192,171,162,161,136,119,78,77,77,72,66,63,59,55,51,37,36,35,24};
static const char *CT[] = {"visit","digital","phone","group"}; static const int CTW[] = {5891,1699,1527,347};
static const char *PR[] = {"counsellor","doctor","nurse","psychologist"}; static const int PRW[] = {2727,1814,1725,3198};
static const char *DG[] = {"adhd","anxiety","depression","other","psychosis","stress"}; static const int DGW[] = {1493,2200,2721,1112,1007,931};
static int pick(const int *w, int n) { long t = 0; for (int i = 0; i < n; i++) t += w[i]; long r = xr() % t;
  for (int i = 0; i < n; i++) { if (r < w[i]) return i; r -= w[i]; } return n - 1; }
int main(int argc, char **argv) {
  long rows = atol(argv[1]), written = 0; char dates[396][11];
  static const int md[] = {31,28,31,30,31,30,31,31,30,31,30,31}; int k = 0;
  for (int y = 2023; y <= 2024; y++) for (int m = 0; m < 12 && k < 396; m++) for (int d = 1; d <= md[m] && k < 396; d++)
    snprintf(dates[k++], 11, "%04d-%02d-%02d", y, m + 1, d);
  printf("person_id,unit,contact_date,contact_type,profession,diagnosis_group,score\n");
  for (long p = 1; written < rows; p++) {
    int npu = 1; uint64_t r = xr() % 100; if (r >= 70) npu = 2; if (r >= 95) npu = 3;
    int used[3] = {-1, -1, -1};
    for (int j = 0; j < npu && written < rows; j++) {
      int u; do u = pick(UW, 30); while (u == used[0] || u == used[1]); used[j] = u;
      int dg = pick(DGW, 6), day = xr() % 396, c = 0;
      while (day < 396 && written < rows) {
        const char *score = ""; char sb[4];
        if (xr() % 20 == 0) { snprintf(sb, 4, "%d", (int)(xr() % 101)); score = sb; }
        printf("P%09ld,%s,%s,%s,%s,%s,%s\n", p, U[u], dates[day], CT[pick(CTW, 4)], PR[pick(PRW, 4)], DG[dg], score);
        written++; c++;
        if (xr() % 1000 >= 615) break;           // about 2.6 contacts per person and unit
        day += 1 + xr() % 40;                      // a later day: never a duplicate contact
      }
    }
  }
  return 0;
}
