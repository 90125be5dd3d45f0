package io.emfagent.runtime.sink;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** One datagram per document to the CloudWatch agent; sending never waits for the receiver. */
public final class UdpSink implements Sink {

    private final Endpoint endpoint;
    private final DatagramSocket socket;

    public UdpSink(Endpoint endpoint) throws IOException {
        this.endpoint = endpoint;
        this.socket = new DatagramSocket();
    }

    @Override
    public void write(String document) throws IOException {
        byte[] line = (document + '\n').getBytes(StandardCharsets.US_ASCII);
        socket.send(new DatagramPacket(line, line.length, new InetSocketAddress(endpoint.host(), endpoint.port())));
    }

    @Override
    public String describe() {
        return endpoint.toString();
    }

    @Override
    public void close() {
        socket.close();
    }
}
