/**
 * Resolves on the next task, through a message channel: by then the microtasks a click or an
 * event started (a request, a Lit update) have run. Unlike `setTimeout(0)`, which Chromium
 * clamps to 4 ms once timers nest, it costs nothing, and a fake clock does not hold it.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(0);
  });
}
