// Text on the maps (maps/text): Pango lays out names in Latin, Cyrillic and Japanese with the fonts the
// set-up installs, and draws them where asked.
#include <catch2/catch.hpp>

#include <cairo.h>

#include "maps/text.hpp"

using namespace kuril;
using namespace kuril::maps;

TEST_CASE("Text: names in three scripts have a size and draw ink inside their box", "[maps][text]") {
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 400, 100);
    cairo_t* cr = cairo_create(surface);
    {
        const Text latin(cr, "Shikotan", TextStyle{});
        const Text three(cr, "Shikotan · Шикотан · 色丹島", TextStyle{});
        const Text big(cr, "Shikotan", TextStyle{14, false, false, -1});
        const auto [w, h] = three.size();
        CHECK(w > latin.size().first * 2);
        CHECK(h > 5);
        CHECK(h < 20);
        CHECK(big.size().first == Approx(latin.size().first * 2).epsilon(0.15));
        three.draw(10, 10, Rgb{0, 0, 0});
    }
    cairo_surface_flush(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    int inked = 0, outside = 0;
    for (int y = 0; y < 100; ++y) {
        for (int x = 0; x < 400; ++x) {
            const bool ink = data[y * stride + x * 4 + 3] != 0;  // alpha
            if (ink && y >= 10 && y < 30) ++inked;
            if (ink && (y < 9 || y > 35)) ++outside;
        }
    }
    CHECK(inked > 100);
    CHECK(outside == 0);
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    release_thread_fonts();
}
