import { useMutation } from '@tanstack/react-query';
import { fetchProof } from '../api.ts';

/** Hands a blob to the browser as a file download through a temporary <a download>. */
function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the object URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Fetches the signed PDF proof for `years` and saves it; the server's file name wins over `fallbackName`. */
export function useProofDownload(fallbackName: (years: number[]) => string) {
  return useMutation({
    mutationFn: async (years: number[]) => {
      const { blob, fileName } = await fetchProof(years);
      saveBlob(blob, fileName ?? fallbackName(years));
      return fileName;
    },
  });
}
