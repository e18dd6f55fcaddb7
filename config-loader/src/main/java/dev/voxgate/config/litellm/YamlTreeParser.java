package dev.voxgate.config.litellm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.voxgate.config.ConfigException;
import dev.voxgate.config.ConfigWarning;
import dev.voxgate.config.litellm.YamlNode.Mapping;
import dev.voxgate.config.litellm.YamlNode.Scalar;
import dev.voxgate.config.litellm.YamlNode.Sequence;
import dev.voxgate.config.litellm.YamlNode.Type;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML text into a {@link YamlNode} tree that keeps each key's line, from Jackson's YAML token stream
 * (Jackson's own {@code JsonNode} tree drops locations). Resolves anchors on maps and lists, aliases and
 * {@code <<} merge keys the way PyYAML does, since LiteLLM reads its config with PyYAML.
 *
 * <p>One instance reads one file; not thread-safe.
 */
final class YamlTreeParser {

    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final String MERGE_KEY = "<<";

    private final String source;
    private final List<ConfigWarning> warnings;
    private final YamlAnchors anchors;
    private YAMLParser parser;

    YamlTreeParser(String source, List<ConfigWarning> warnings) {
        this.source = source;
        this.warnings = warnings;
        this.anchors = new YamlAnchors(source);
    }

    /** The document's root; an empty document is a null scalar. */
    YamlNode parse(String yaml) {
        try (YAMLParser yamlParser = FACTORY.createParser(yaml)) {
            parser = yamlParser;
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Scalar("", 1, Type.NULL, "");
            }
            YamlNode root = value(first, "", line());
            if (parser.nextToken() != null) {
                throw error(line(), "", "the file holds a second YAML document (after ---): keep one document");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw syntaxError(e);
        } catch (IOException e) {
            throw new ConfigException(source, 0, "", "cannot read the YAML: " + e.getMessage(), e);
        }
    }

    private YamlNode value(JsonToken token, String path, int line) throws IOException {
        if (parser.isCurrentAlias()) {
            return anchors.alias(parser.getText(), path, line);
        }
        Object anchor = parser.getObjectId();
        YamlNode node = switch (token) {
            case START_OBJECT -> mapping(path, line);
            case START_ARRAY -> sequence(path, line);
            default -> scalar(token, path, line);
        };
        if (anchor != null) {
            anchors.define(anchor.toString(), node);
        }
        return node;
    }

    private Mapping mapping(String path, int line) throws IOException {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        List<YamlNode> merges = new ArrayList<>();
        while (next() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            int keyLine = line();
            YamlNode value = value(next(), YamlNode.childPath(path, key), keyLine);
            if (key.equals(MERGE_KEY)) {
                merges.add(value);
                continue;
            }
            YamlNode replaced = entries.put(key, value);
            if (replaced != null) {
                // PyYAML keeps the last value silently; a lost model_list deserves a word.
                warnings.add(new ConfigWarning(source, keyLine, value.path(),
                        "duplicate key: replaces the value on line " + replaced.line() + ", as LiteLLM does"));
            }
        }
        for (YamlNode merge : merges) {
            anchors.merge(entries, merge, path);
        }
        return new Mapping(path, line, entries);
    }

    private Sequence sequence(String path, int line) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        JsonToken token;
        while ((token = next()) != JsonToken.END_ARRAY) {
            items.add(value(token, YamlNode.itemPath(path, items.size()), line()));
        }
        return new Sequence(path, line, items);
    }

    private Scalar scalar(JsonToken token, String path, int line) throws IOException {
        return switch (token) {
            case VALUE_STRING -> new Scalar(path, line, Type.TEXT, parser.getText());
            case VALUE_TRUE -> new Scalar(path, line, Type.BOOLEAN, "true");
            case VALUE_FALSE -> new Scalar(path, line, Type.BOOLEAN, "false");
            case VALUE_NULL -> new Scalar(path, line, Type.NULL, "");
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(token, path, line);
            default -> throw error(line, path, "unsupported YAML value (" + token + "): write text, a number, "
                    + "true/false, a list or a map");
        };
    }

    private Scalar number(JsonToken token, String path, int line) {
        String written = currentText();
        try {
            String plain = token == JsonToken.VALUE_NUMBER_INT
                    ? parser.getBigIntegerValue().toString()
                    : BigDecimal.valueOf(parser.getDoubleValue()).toPlainString();
            return new Scalar(path, line, token == JsonToken.VALUE_NUMBER_INT ? Type.INTEGER : Type.DECIMAL, plain);
        } catch (IOException | NumberFormatException e) {
            // .inf and .nan: YAML numbers, but never a usable setting; kept as text so use sites can say so.
            return new Scalar(path, line, Type.TEXT, written);
        }
    }

    private JsonToken next() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw error(line(), "", "the YAML ends in the middle of a map or list");
        }
        return token;
    }

    private String currentText() {
        try {
            return parser.getText();
        } catch (IOException e) {
            return "";
        }
    }

    private int line() {
        return parser.currentTokenLocation().getLineNr();
    }

    private ConfigException error(int line, String path, String problem) {
        return new ConfigException(source, line, path, problem);
    }

    // Jackson 2 deprecates its SnakeYAML exception wrapper (gone in Jackson 3), yet it is the only typed access to
    // the problem text and the line where the broken construct started. The parser's exception is not kept as the
    // cause: its message quotes the offending line, which may hold a key.
    @SuppressWarnings("deprecation")
    private ConfigException syntaxError(JsonProcessingException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        if (e instanceof com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException marked
                && marked.getProblemMark() != null) {
            String context = marked.getContext() == null || marked.getContextMark() == null ? ""
                    : " (" + marked.getContext() + " from line " + (marked.getContextMark().getLine() + 1) + ")";
            int problemLine = marked.getProblemMark().getLine() + 1;
            return new ConfigException(source, problemLine, "", "invalid YAML at column "
                    + (marked.getProblemMark().getColumn() + 1) + ": " + marked.getProblem() + context);
        }
        return new ConfigException(source, line, "", "invalid YAML: " + e.getOriginalMessage());
    }
}
