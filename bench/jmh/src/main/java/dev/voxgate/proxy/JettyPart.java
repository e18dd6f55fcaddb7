package dev.voxgate.proxy;

import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.io.Content;

/** A Jetty multipart part seen through the servlet API, as Jetty's servlet layer hands it to Javalin. */
final class JettyPart implements Part {

    private final MultiPart.Part part;

    JettyPart(MultiPart.Part part) {
        this.part = part;
    }

    @Override
    public InputStream getInputStream() {
        return Content.Source.asInputStream(part.createContentSource());
    }

    @Override
    public String getContentType() {
        return part.getHeaders().get(HttpHeader.CONTENT_TYPE);
    }

    @Override
    public String getName() {
        return part.getName();
    }

    @Override
    public String getSubmittedFileName() {
        return part.getFileName();
    }

    @Override
    public long getSize() {
        return part.getLength();
    }

    @Override
    public void write(String fileName) throws IOException {
        part.writeTo(Path.of(fileName));
    }

    @Override
    public void delete() throws IOException {
        part.delete();
    }

    @Override
    public String getHeader(String name) {
        return part.getHeaders().get(name);
    }

    @Override
    public Collection<String> getHeaders(String name) {
        return part.getHeaders().getValuesList(name);
    }

    @Override
    public Collection<String> getHeaderNames() {
        return List.copyOf(part.getHeaders().getFieldNamesCollection());
    }
}
