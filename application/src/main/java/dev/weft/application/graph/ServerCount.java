package dev.weft.application.graph;

public record ServerCount(String host, long followers) {
}
