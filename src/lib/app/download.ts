/** Saves data as a file through the browser's download (no server involved: the data is on the device). */
export function downloadBlob(filename: string, blob: Blob): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = filename;
	document.body.append(link);
	link.click();
	link.remove();
	// Revoked after the click has been handled, or some browsers cancel the download.
	setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function downloadText(filename: string, text: string, type = 'application/json'): void {
	downloadBlob(filename, new Blob([text], { type }));
}
