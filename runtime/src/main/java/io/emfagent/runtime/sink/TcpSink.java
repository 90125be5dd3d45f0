package io.emfagent.runtime.sink;

import io.emfagent.runtime.log.AgentLog;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Documents to the CloudWatch agent over TCP, through a bounded queue and a sender thread of its
 * own: the flush thread only enqueues. The sender connects with a time-out, reconnects with
 * back-off, and keeps the document it could not send at the head of the queue, so that what is
 * queued is delivered once the agent is back. A write that hangs (a peer that stops reading) is
 * cut after {@link #WRITE_TIMEOUT_MILLIS} (checked whenever a document arrives). When the queue is full, {@link #write} refuses the
 * document, and the caller counts it as dropped.
 */
public final class TcpSink implements Sink {

    static final int QUEUE_DOCUMENTS = 1000;
    static final int CONNECT_TIMEOUT_MILLIS = 2_000;
    static final long WRITE_TIMEOUT_MILLIS = 5_000;
    static final long MAX_BACKOFF_MILLIS = 30_000;
    private static final long FIRST_BACKOFF_MILLIS = 100;

    private final Endpoint endpoint;
    private final long writeTimeoutMillis;
    private final long maxBackoffMillis;
    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUE_DOCUMENTS);
    private final Thread sender;
    private volatile Socket socket;
    private volatile long writeStartedNanos;
    private volatile boolean closed;
    /** The document the sender holds: taken from the queue, not yet written. */
    private volatile byte[] inFlight;
    private volatile String lastProblem;

    public TcpSink(Endpoint endpoint) {
        this(endpoint, WRITE_TIMEOUT_MILLIS, MAX_BACKOFF_MILLIS);
    }

    TcpSink(Endpoint endpoint, long writeTimeoutMillis, long maxBackoffMillis) {
        this.endpoint = endpoint;
        this.writeTimeoutMillis = writeTimeoutMillis;
        this.maxBackoffMillis = maxBackoffMillis;
        this.sender = new Thread(this::send, "emf-agent-tcp-sink");
        this.sender.setDaemon(true);
        this.sender.start();
    }

    @Override
    public void write(String document) throws IOException {
        cutHungWrite();
        if (!queue.offer((document + '\n').getBytes(StandardCharsets.US_ASCII))) {
            throw new IOException("its queue of " + QUEUE_DOCUMENTS + " documents is full"
                    + (lastProblem == null ? "" : " (" + lastProblem + ")"));
        }
    }

    private void cutHungWrite() {
        long started = writeStartedNanos;
        if (started != 0 && System.nanoTime() - started > TimeUnit.MILLISECONDS.toNanos(writeTimeoutMillis)) {
            disconnect(); // the blocked write fails, and the sender reconnects
        }
    }

    private void send() {
        long backoff = FIRST_BACKOFF_MILLIS;
        while (!closed || !queue.isEmpty()) {
            byte[] next;
            try {
                next = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (next == null) {
                continue;
            }
            inFlight = next;
            while (true) {
                try {
                    deliver(next);
                    inFlight = null;
                    backoff = FIRST_BACKOFF_MILLIS;
                    if (lastProblem != null) {
                        AgentLog.info("delivering to " + endpoint + " again");
                        lastProblem = null;
                    }
                    break;
                } catch (IOException e) {
                    disconnect();
                    if (lastProblem == null) {
                        AgentLog.warn("cannot deliver to the CloudWatch agent at " + endpoint + ": " + e.getMessage()
                                + "; retrying with back-off, queueing up to " + QUEUE_DOCUMENTS + " documents");
                    }
                    lastProblem = e.getMessage();
                    if (closed || !sleep(backoff)) {
                        return;
                    }
                    backoff = Math.min(backoff * 2, maxBackoffMillis);
                }
            }
        }
    }

    private void deliver(byte[] document) throws IOException {
        Socket current = socket;
        if (current == null) {
            current = new Socket();
            current.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), CONNECT_TIMEOUT_MILLIS);
            current.setTcpNoDelay(true);
            socket = current;
        }
        OutputStream out = current.getOutputStream();
        writeStartedNanos = System.nanoTime();
        try {
            out.write(document);
            out.flush();
        } finally {
            writeStartedNanos = 0;
        }
    }

    private void disconnect() {
        Socket current = socket;
        socket = null;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                // closing is all we wanted
            }
        }
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    @Override
    public String describe() {
        return endpoint.toString();
    }

    /**
     * Gives the sender a moment to deliver what is queued, unless delivery is failing already; the
     * JVM's exit bounds the wait as well.
     */
    @Override
    public void close() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(writeTimeoutMillis / 2);
        while ((!queue.isEmpty() || inFlight != null) && lastProblem == null && System.nanoTime() < deadline) {
            sleep(10);
        }
        closed = true;
        sender.interrupt();
        disconnect();
    }
}
