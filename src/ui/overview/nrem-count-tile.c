/* nrem-count-tile.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-count-tile"

#include "config.h"

#include "overview/nrem-count-tile.h"

struct _NremCountTile
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkLabel  *value_label;
  GtkLabel  *caption_label;

  char      *label;
  guint      value;
};

G_DEFINE_FINAL_TYPE (NremCountTile, nrem_count_tile, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_accessible (NremCountTile *self)
{
  /* read as one phrase: "Confirmed: 12" */
  g_autofree char *text = g_strdup_printf ("%s: %u", self->label ? self->label : "", self->value);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

static void
nrem_count_tile_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), NREM_TYPE_COUNT_TILE);
  G_OBJECT_CLASS (nrem_count_tile_parent_class)->dispose (object);
}

static void
nrem_count_tile_finalize (GObject *object)
{
  NremCountTile *self = (NremCountTile *) object;

  g_clear_pointer (&self->label, g_free);
  G_OBJECT_CLASS (nrem_count_tile_parent_class)->finalize (object);
}

static void
nrem_count_tile_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  NremCountTile *self = NREM_COUNT_TILE (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_VALUE:
      g_value_set_uint (value, self->value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nrem_count_tile_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  NremCountTile *self = NREM_COUNT_TILE (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      nrem_count_tile_set_label (self, g_value_get_string (value));
      break;
    case PROP_VALUE:
      nrem_count_tile_set_value (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nrem_count_tile_class_init (NremCountTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nrem_count_tile_dispose;
  object_class->finalize = nrem_count_tile_finalize;
  object_class->get_property = nrem_count_tile_get_property;
  object_class->set_property = nrem_count_tile_set_property;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE] =
    g_param_spec_uint ("value", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nremdesk/NremDesk/ui/nrem-count-tile.ui");
  gtk_widget_class_bind_template_child (widget_class, NremCountTile, box);
  gtk_widget_class_bind_template_child (widget_class, NremCountTile, value_label);
  gtk_widget_class_bind_template_child (widget_class, NremCountTile, caption_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "counttile");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
nrem_count_tile_init (NremCountTile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_accessible (self);
}

GtkWidget *
nrem_count_tile_new (void)
{
  return g_object_new (NREM_TYPE_COUNT_TILE, NULL);
}

const char *
nrem_count_tile_get_label (NremCountTile *self)
{
  g_return_val_if_fail (NREM_IS_COUNT_TILE (self), NULL);
  return self->label;
}

void
nrem_count_tile_set_label (NremCountTile *self,
                           const char    *label)
{
  g_return_if_fail (NREM_IS_COUNT_TILE (self));

  if (g_strcmp0 (self->label, label) == 0)
    return;
  g_free (self->label);
  self->label = g_strdup (label);
  gtk_label_set_label (self->caption_label, label ? label : "");
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

guint
nrem_count_tile_get_value (NremCountTile *self)
{
  g_return_val_if_fail (NREM_IS_COUNT_TILE (self), 0);
  return self->value;
}

void
nrem_count_tile_set_value (NremCountTile *self,
                           guint          value)
{
  char text[32];

  g_return_if_fail (NREM_IS_COUNT_TILE (self));

  if (self->value == value)
    return;
  self->value = value;
  g_snprintf (text, sizeof text, "%'u", value);
  gtk_label_set_label (self->value_label, text);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}
