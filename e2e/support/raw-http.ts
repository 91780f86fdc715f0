import net from "node:net";

/**
 * Sends `head` (and `body`) on a raw socket, then closes the sending side, and resolves with
 * everything the server answered before it closed the connection. A server that waits for a body
 * it was promised but never gets answers nothing ("").
 */
export function rawExchange(port: number, head: string, body: Buffer | string = ""): Promise<string> {
  return new Promise((resolve) => {
    let got = "";
    const socket = net.connect(port, "127.0.0.1", () => {
      socket.write(head);
      if (body.length) socket.write(body);
      socket.end();
    });
    socket.on("data", (c) => (got += c.toString("latin1")));
    socket.on("error", () => undefined);
    socket.on("close", () => resolve(got));
  });
}

/** The status line of a raw answer ("HTTP/1.1 413 Payload Too Large"), or "" when there was none. */
export const statusLine = (answer: string) => answer.split("\r\n")[0] ?? "";
