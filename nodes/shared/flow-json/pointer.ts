// JSON pointers (RFC 6901): "/screens/0/layout/children/2/label". Meta's validation_errors use another notation
// for the same place ("screens[0].layout.children[2].label"); `metaPath` converts for comparison.

export function childPointer(parent: string, key: string | number): string {
	if (typeof key === 'number') return `${parent}/${key}`;
	const segment = key.includes('~') || key.includes('/') ? key.replace(/~/g, '~0').replace(/\//g, '~1') : key;
	return `${parent}/${segment}`;
}

export function pointerOf(...segments: (string | number)[]): string {
	return segments.reduce<string>((parent, key) => childPointer(parent, key), '');
}

export function pointerSegments(pointer: string): string[] {
	if (pointer === '') return [];
	return pointer
		.slice(1)
		.split('/')
		.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function parentPointer(pointer: string): string {
	const cut = pointer.lastIndexOf('/');
	return cut <= 0 ? '' : pointer.slice(0, cut);
}

/** Meta's path notation of validation_errors[].pointers[].path. */
export function metaPath(pointer: string): string {
	let out = '';
	for (const segment of pointerSegments(pointer)) {
		if (/^\d+$/.test(segment)) out += `[${segment}]`;
		else out += out === '' ? segment : `.${segment}`;
	}
	return out;
}
