// Copies node and credential icons next to their compiled files in dist/ (n8n resolves `file:` icons relative to them).
const path = require('path');
const { task, src, dest } = require('gulp');

function copyIcons() {
	const icons = src('icons/*.svg');
	return icons.pipe(dest(path.resolve('dist', 'icons')));
}

task('build:icons', copyIcons);
