// How many components a screen holds: 50 in all, one Footer, at most N of some types, one media picker, and a
// Footer on every terminal screen (flows/reference/components, media_upload; error-codes "Min Max Limit
// Violation Errors", "Terminal Screen Errors").
import type { RuleContext } from '../context';
import { DOC } from '../docs';
import { busiestPath, countAlongOnePath, type ScreenModel } from '../model';

function checkScreenCounts(ctx: RuleContext, screen: ScreenModel): void {
	const { report, limits } = ctx;
	const name = screen.id ?? `#${screen.index}`;
	const max = limits.counts.componentsPerScreen;
	if (screen.components.length > max.value) {
		report.error('screen.too-many-components', screen.childrenPointer, `The maximum number of components per screen is ${max.value}; screen "${name}" has ${screen.components.length}.`, max.doc);
	}
	for (const [type, limit] of Object.entries(limits.perScreen)) {
		const path = busiestPath(screen.children, screen.childrenPointer, (node) => node.type === type);
		const shown = path.length;
		if (shown <= limit.value) continue;
		const extra = path[limit.value];
		const rule = type === 'Footer' ? 'footer.count' : type === 'PhotoPicker' || type === 'DocumentPicker' ? 'picker.count' : 'screen.component-count';
		report.error(rule, extra, `Maximum number of ${type} allowed per screen is ${limit.value} but found ${shown} on screen "${name}".`, limit.doc);
	}
	const photo = screen.components.find((c) => c.type === 'PhotoPicker');
	const document = screen.components.find((c) => c.type === 'DocumentPicker');
	if (photo !== undefined && document !== undefined) {
		const second = screen.components.indexOf(photo) > screen.components.indexOf(document) ? photo : document;
		report.error('picker.count', second.pointer, 'You can only have a maximum of 1 component of type PhotoPicker or DocumentPicker per screen.', DOC.mediaUpload);
	}
	if (screen.terminal && countAlongOnePath(screen.children, (node) => node.type === 'Footer') === 0) {
		report.error('terminal.footer-missing', `${screen.pointer}/terminal`, `Footer component is missing on terminal screen "${name}".`, DOC.screens, 'key');
	}
}

export function checkScreenCountsAll(ctx: RuleContext): void {
	for (const screen of ctx.screens) checkScreenCounts(ctx, screen);
	const carousels = ctx.screens.flatMap((s) => s.components.filter((c) => c.type === 'ImageCarousel'));
	const limit = ctx.limits.counts.imageCarouselsPerFlow;
	if (carousels.length > limit.value) {
		ctx.report.error('flow.image-carousel-count', carousels[limit.value].pointer, `A flow may hold at most ${limit.value} ImageCarousel components; this one has ${carousels.length}.`, limit.doc);
	}
}
