package vn.lienthong.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** One call of the protocol, reached only after fault injection and authentication have let the request through. */
@FunctionalInterface
interface Call {

    Answer answer(Caller caller, HttpExchange exchange) throws IOException;
}
