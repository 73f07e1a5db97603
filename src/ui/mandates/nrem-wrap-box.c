/* nrem-wrap-box.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mandates/nrem-wrap-box.h"

#define SPACING 6

struct _NremWrapBox
{
  GtkWidget parent_instance;
};

static void nrem_wrap_box_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (NremWrapBox, nrem_wrap_box, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, nrem_wrap_box_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

/* Lays the children out in @width; returns the height. With @allocate, places them. */
static int
flow (GtkWidget *widget,
      int        width,
      gboolean   allocate)
{
  int x = 0, y = 0, line_h = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min_w, nat_w, min_h, nat_h, w;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
      w = MIN (nat_w, MAX (min_w, width));
      if (x > 0 && x + w > width)
        {
          x = 0;
          y += line_h + SPACING;
          line_h = 0;
        }
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, w, &min_h, &nat_h, NULL, NULL);
      if (allocate)
        gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, w, nat_h }, -1);
      line_h = MAX (line_h, nat_h);
      x += w + SPACING;
    }
  return y + line_h;
}

static GtkSizeRequestMode
nrem_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
nrem_wrap_box_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int n = 0;

      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int min_w, nat_w;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
          *minimum = MAX (*minimum, min_w);
          *natural += nat_w + (n++ > 0 ? SPACING : 0);
        }
    }
  else
    {
      int width = for_size;

      /* without a width: as narrow as allowed */
      if (width < 0)
        {
          int nat_w;

          nrem_wrap_box_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &width, &nat_w, NULL, NULL);
        }
      *minimum = *natural = flow (widget, width, FALSE);
    }
}

static void
nrem_wrap_box_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  flow (widget, width, TRUE);
}

static void
nrem_wrap_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (nrem_wrap_box_parent_class)->dispose (object);
}

static void
nrem_wrap_box_add_child (GtkBuildable *buildable,
                         GtkBuilder   *builder,
                         GObject      *child,
                         const char   *type)
{
  if (GTK_IS_WIDGET (child))
    nrem_wrap_box_append (NREM_WRAP_BOX (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
nrem_wrap_box_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = nrem_wrap_box_add_child;
}

static void
nrem_wrap_box_class_init (NremWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nrem_wrap_box_dispose;
  widget_class->get_request_mode = nrem_wrap_box_get_request_mode;
  widget_class->measure = nrem_wrap_box_measure;
  widget_class->size_allocate = nrem_wrap_box_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "nrem-wrap-box");
}

static void
nrem_wrap_box_init (NremWrapBox *self)
{
}

GtkWidget *
nrem_wrap_box_new (void)
{
  return g_object_new (NREM_TYPE_WRAP_BOX, NULL);
}

void
nrem_wrap_box_append (NremWrapBox *self,
                      GtkWidget   *child)
{
  g_return_if_fail (NREM_IS_WRAP_BOX (self));
  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
}
