package dev.dlitools.dli.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/** A PNG of horizontal bars: median seconds per tool, one block per workload, each block on its own scale. */
final class Chart {

    private static final int WIDTH = 900;
    private static final int BAR = 22;
    private static final int LABEL_WIDTH = 260;
    private static final List<Color> COLORS = List.of(new Color(0x2e7d32), new Color(0x1565c0),
            new Color(0xef6c00), new Color(0x757575), new Color(0x6a1b9a));

    private Chart() {}

    static void write(Map<String, Map<String, Double>> medians, Path png) throws IOException {
        int rows = medians.values().stream().mapToInt(Map::size).sum();
        int height = 40 + medians.size() * 36 + rows * (BAR + 6);
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString("Median seconds per workload (shorter is better)", 10, 24);
        int y = 40;
        for (Map.Entry<String, Map<String, Double>> workload : medians.entrySet()) {
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            g.setColor(Color.BLACK);
            g.drawString(workload.getKey(), 10, y + 20);
            y += 30;
            double longest = workload.getValue().values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
            int color = 0;
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            for (Map.Entry<String, Double> tool : workload.getValue().entrySet()) {
                int length = (int) Math.max(1, (WIDTH - LABEL_WIDTH - 90) * tool.getValue() / longest);
                g.setColor(Color.DARK_GRAY);
                g.drawString(tool.getKey(), 20, y + 15);
                g.setColor(COLORS.get(color++ % COLORS.size()));
                g.fillRect(LABEL_WIDTH, y, length, BAR);
                g.setColor(Color.BLACK);
                g.drawString(String.format(Locale.ROOT, "%.2f s", tool.getValue()), LABEL_WIDTH + length + 6, y + 15);
                y += BAR + 6;
            }
            y += 6;
        }
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }
}
