export default async function globalTeardown(): Promise<void> {
	const started = globalThis.__waFlowsE2e;
	if (!started) return;
	await Promise.all(started.instances.map((n8n) => n8n.stop()));
	await started.closeSandbox();
	globalThis.__waFlowsE2e = undefined;
}
