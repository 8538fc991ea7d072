/* TEST ONLY, never shipped: a stand-in bcryptprimitives.dll for Wine 8 (Debian 12),
 * which lacks ProcessPrng. Go 1.24+ programs call it at start for random bytes; a
 * real Windows 10 or 11 has it. .ci/test-windows.sh builds this with mingw and puts
 * it in a throwaway Wine prefix's system32. */
#include <windows.h>

/* RtlGenRandom, exported by advapi32 as SystemFunction036. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
